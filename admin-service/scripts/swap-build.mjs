// Moves the finished Vite build (public/build.next) into place in two renames, so php-fpm never
// reads a missing or half-written manifest while assets are rebuilt (vite empties its outDir first).
import { existsSync, renameSync, rmSync } from 'node:fs';

const [next, live, old] = ['public/build.next', 'public/build', 'public/build.old'];
rmSync(old, { recursive: true, force: true });
if (existsSync(live)) renameSync(live, old);
renameSync(next, live);
rmSync(old, { recursive: true, force: true });
