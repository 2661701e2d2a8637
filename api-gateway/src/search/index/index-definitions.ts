import * as fs from 'fs';
import * as path from 'path';
import { REPO_ROOT } from '../../config/load-config';

export interface IndexDefinition {
  settings: Record<string, unknown>;
  mappings: Record<string, unknown>;
}

const INDEX_DIR = path.join(REPO_ROOT, 'elasticsearch', 'index');

/** Solr-format synonym lines of elasticsearch/index/synonyms.txt (comments and blanks dropped). */
export function parseSynonyms(text: string): string[] {
  return text
    .split('\n')
    .map((l) => l.replace(/#.*/, '').trim())
    .filter((l) => l.length > 0);
}

/** The products index body with the synonyms file inlined (no file needed on the ES node). */
export function productIndexDefinition(dir = INDEX_DIR): IndexDefinition {
  const def = JSON.parse(fs.readFileSync(path.join(dir, 'products.json'), 'utf8')) as IndexDefinition;
  const synonyms = parseSynonyms(fs.readFileSync(path.join(dir, 'synonyms.txt'), 'utf8'));
  const analysis = (def.settings as { analysis: { filter: Record<string, { synonyms?: string[] }> } }).analysis;
  analysis.filter.product_synonyms.synonyms = synonyms;
  return def;
}

export function orderIndexDefinition(dir = INDEX_DIR): IndexDefinition {
  return JSON.parse(fs.readFileSync(path.join(dir, 'orders.json'), 'utf8')) as IndexDefinition;
}
