import { PLAIN_FIELDS } from './search-request.builder';
import { correctedText, suggestSection, SUGGEST_FIELD } from './did-you-mean';

describe('did you mean', () => {
  it('replaces each corrected word in place and keeps the rest of the query', () => {
    const entries = [
      { text: 'hedfones', offset: 9, length: 8, options: [{ text: 'headphones' }] },
      { text: 'wireless', offset: 0, length: 8, options: [] },
    ];
    expect(correctedText('wireless hedfones', entries)).toBe('wireless headphones');
  });

  it('is null when no word has a correction', () => {
    expect(correctedText('zzqqxx', [{ text: 'zzqqxx', offset: 0, length: 6, options: [] }])).toBeNull();
    expect(correctedText('Jeans', [{ text: 'jeans', offset: 0, length: 5, options: [{ text: 'jeans' }] }])).toBeNull();
  });

  it('asks the term suggester on the unstemmed name words, only for words missing from the index', () => {
    const section = suggestSection('jeens') as { text: string; words: { term: Record<string, unknown> } };
    expect(section.text).toBe('jeens');
    expect(section.words.term).toMatchObject({ field: 'name.plain', suggest_mode: 'missing', max_edits: 2 });
    expect(PLAIN_FIELDS[0]).toBe(`${SUGGEST_FIELD}^3`); // the words the text query matches first
  });
});
