import * as fs from 'fs';
import * as path from 'path';
import { folderGraph, withGraph } from './folder-graph';

/** npm run docs:graph: regenerates the module dependency graph in docs/architecture.md. */
const src = path.resolve(__dirname, '..', '..', 'src');
const doc = path.resolve(src, '..', '..', 'docs', 'architecture.md');
fs.writeFileSync(doc, withGraph(fs.readFileSync(doc, 'utf8'), folderGraph(src)));
console.log(`updated ${path.relative(process.cwd(), doc)}`);
