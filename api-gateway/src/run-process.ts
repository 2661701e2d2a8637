/** Kept for the entry points that import it from here (main.ts, worker.ts): the helpers live in config/. */
export { loadConfigOrExit, runProcess } from './config/run-process';
