import { SuggestService } from './suggest.service';

describe('SuggestService.parse', () => {
  it('trims and validates q', () => {
    expect(SuggestService.parse('  abc ')).toBe('abc');
    expect(() => SuggestService.parse(undefined)).toThrow(/q/);
    expect(() => SuggestService.parse('x'.repeat(101))).toThrow(/q/);
    expect(() => SuggestService.parse(['a', 'b'])).toThrow(/q/);
  });
});
