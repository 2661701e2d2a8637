import { correctedText, suggestRequest } from './did-you-mean';

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
    const body = suggestRequest('jeens') as { size: number; suggest: { text: string; words: { term: Record<string, unknown> } } };
    expect(body.size).toBe(0);
    expect(body.suggest.text).toBe('jeens');
    expect(body.suggest.words.term).toMatchObject({ field: 'name.plain', suggest_mode: 'missing', max_edits: 2 });
  });
});
