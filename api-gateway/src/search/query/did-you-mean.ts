type Clause = Record<string, unknown>;

/** Below this many hits a text search also answers with a "did you mean" correction, if one finds products. */
export const DID_YOU_MEAN_BELOW = 3;

/** Field whose indexed words (unstemmed product names) the corrections come from: PLAIN_FIELDS[0]'s field. */
export const SUGGEST_FIELD = 'name.plain';

/**
 * Term suggester section of a text search (`suggest`): for each query word that is not in the index,
 * the closest indexed words (up to 2 edits). It rides on the search itself, so a search with too few
 * hits already holds its corrections (no second request); for words that are in the index
 * (suggest_mode missing) it costs a term lookup.
 */
export function suggestSection(text: string): Clause {
  return {
    text,
    words: {
      term: { field: SUGGEST_FIELD, suggest_mode: 'missing', max_edits: 2, prefix_length: 0, min_word_length: 3, size: 1, sort: 'score' },
    },
  };
}

export interface SuggestEntry {
  text: string;
  offset: number;
  length: number;
  options: Array<{ text: string }>;
}

/** The query with every word replaced by its best correction; null when nothing was corrected. */
export function correctedText(text: string, entries: SuggestEntry[]): string | null {
  let out = '';
  let at = 0;
  let changed = false;
  for (const e of [...entries].sort((a, b) => a.offset - b.offset)) {
    const best = e.options[0]?.text;
    out += text.slice(at, e.offset) + (best ?? text.slice(e.offset, e.offset + e.length));
    at = e.offset + e.length;
    if (best && best !== text.slice(e.offset, e.offset + e.length).toLowerCase()) changed = true;
  }
  out += text.slice(at);
  return changed ? out : null;
}
