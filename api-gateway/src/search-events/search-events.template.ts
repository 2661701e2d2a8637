import * as fs from 'fs';
import * as path from 'path';
import { REPO_ROOT } from '../config/load-config';

/** The index template of the daily search-event indices: elasticsearch/index/search-events.json. */
export function SEARCH_EVENTS_TEMPLATE(prefix: string): { index_patterns: string[]; template: Record<string, unknown>; priority: number } {
  const def = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'elasticsearch', 'index', 'search-events.json'), 'utf8')) as Record<
    string,
    unknown
  >;
  return { index_patterns: [`${prefix}-*`], template: def, priority: 100 };
}
