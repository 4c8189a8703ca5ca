// The seeds summary's verdicts in words: the pair's column as before, and one line per net against the plain one.
import { describe, expect, it } from 'vitest';
import type { Gap } from './charts/seedStats';
import { gapText, VERDICT_RULE, verdictRule } from './seedSummaryText';

const gap = (over: Partial<Gap>): Gap => ({ net: 'bn', against: 'plain', verdict: null, higher: null, ...over });

describe('gapText', () => {
  it('keeps the pair’s words', () => {
    expect(gapText(gap({ verdict: 'exceeds', higher: 'bn' }), 3, false)).toBe('gap exceeds spread (With BN higher)');
    expect(gapText(gap({ verdict: 'within' }), 3, false)).toBe('within spread');
    expect(gapText(gap({}), 3, false)).toBe('—');
    expect(gapText(gap({ verdict: 'within' }), 1, false)).toBe('needs 2 seeds');
  });

  it('names the net compared with when there are several comparisons', () => {
    expect(gapText(gap({ net: 'ln', verdict: 'exceeds', higher: 'ln' }), 2, true)).toBe(
      'vs No BN: gap exceeds spread (LayerNorm higher)',
    );
    expect(gapText(gap({ net: 'gn', against: 'bn', verdict: 'within' }), 2, true)).toBe('vs With BN: within spread');
    expect(gapText(gap({ net: 'rms' }), 1, true)).toBe('vs No BN: needs 2 seeds');
  });
});

describe('verdictRule', () => {
  it('is the pair’s rule for one comparison, the reference net’s for several, nothing for none', () => {
    expect(verdictRule([{ net: 'bn', against: 'plain' }])).toBe(VERDICT_RULE);
    expect(verdictRule([gap({}), gap({ net: 'ln' })])).toContain('its gap to No BN exceeds the spread');
    expect(verdictRule([])).toBe('');
  });
});
