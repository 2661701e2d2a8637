import * as fs from 'fs';
import * as path from 'path';

/** src/<folder>/…: the top-level folder of a source file; files directly in src/ belong to "(root)". */
export type FolderGraph = Map<string, Set<string>>;

const IMPORT =
  /(?:^|\n)\s*(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|(?:^|\n)\s*import\s*['"]([^'"]+)['"]|\brequire\(\s*['"]([^'"]+)['"]\s*\)|\bimport\(\s*['"]([^'"]+)['"]\s*\)/g;

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(p);
    return /\.ts$/.test(e.name) && !/\.(spec|d)\.ts$/.test(e.name) ? [p] : [];
  });
}

const folderOf = (srcDir: string, file: string): string => {
  const rel = path.relative(srcDir, file).split(path.sep);
  return rel.length > 1 ? rel[0] : '(root)';
};

/** Which top-level folder imports which (specs excluded: a test may reach across). Type-only imports count. */
export function folderGraph(srcDir: string): FolderGraph {
  const graph: FolderGraph = new Map();
  for (const file of sourceFiles(srcDir)) {
    const from = folderOf(srcDir, file);
    if (!graph.has(from)) graph.set(from, new Set());
    const text = fs.readFileSync(file, 'utf8');
    for (const m of text.matchAll(IMPORT)) {
      const spec = m[1] ?? m[2] ?? m[3] ?? m[4];
      if (!spec?.startsWith('.')) continue;
      const target = path.resolve(path.dirname(file), spec);
      if (!target.startsWith(srcDir + path.sep)) continue;
      const to = folderOf(srcDir, target.endsWith('.ts') ? target : `${target}.ts`);
      if (to !== from) graph.get(from)!.add(to);
    }
  }
  return graph;
}

/** Strongly connected components with more than one folder: each is a set of folders importing each other. */
export function folderCycles(graph: FolderGraph): string[][] {
  let index = 0;
  const idx = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const out: string[][] = [];
  const visit = (v: string) => {
    idx.set(v, index);
    low.set(v, index++);
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!idx.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, idx.get(w)!));
    }
    if (low.get(v) === idx.get(v)) {
      const scc: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        scc.push(w);
      } while (w !== v);
      if (scc.length > 1) out.push(scc.sort());
    }
  };
  for (const v of [...graph.keys()].sort()) if (!idx.has(v)) visit(v);
  return out.sort((a, b) => a[0].localeCompare(b[0]));
}

/** The graph as a Mermaid flowchart (sorted: the same code gives the same text). */
export function mermaid(graph: FolderGraph): string {
  const id = (f: string) => (f === '(root)' ? 'root' : f.replace(/[^A-Za-z0-9]/g, '_'));
  const lines = ['flowchart LR'];
  for (const from of [...graph.keys()].sort()) {
    const label = from === '(root)' ? 'root["src/*.ts (entry points, app.module)"]' : `${id(from)}[${from}]`;
    lines.push(`  ${label}`);
  }
  for (const from of [...graph.keys()].sort()) for (const to of [...graph.get(from)!].sort()) lines.push(`  ${id(from)} --> ${id(to)}`);
  return lines.join('\n');
}

export const GRAPH_BEGIN = '<!-- folder-graph:begin (generated: cd api-gateway && npm run docs:graph) -->';
export const GRAPH_END = '<!-- folder-graph:end -->';

/** docs/architecture.md with the generated block replaced. */
export function withGraph(doc: string, graph: FolderGraph): string {
  const start = doc.indexOf(GRAPH_BEGIN);
  const end = doc.indexOf(GRAPH_END);
  if (start < 0 || end < start) throw new Error('docs/architecture.md has no folder-graph markers');
  return `${doc.slice(0, start)}${GRAPH_BEGIN}\n\`\`\`mermaid\n${mermaid(graph)}\n\`\`\`\n${doc.slice(end)}`;
}
