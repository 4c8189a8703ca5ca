import { describe, expect, it } from 'vitest';
import { checkModelName, MODEL_NAME_MAX } from './modelName';

describe('checkModelName', () => {
  it('trims, so names that differ only by spaces are one entry', () => {
    expect(checkModelName('  blog nets ')).toEqual({ ok: true, name: 'blog nets' });
  });

  it('accepts 1 to 60 characters, including accents and symbols', () => {
    expect(checkModelName('a')).toEqual({ ok: true, name: 'a' });
    expect(checkModelName('é'.repeat(MODEL_NAME_MAX)).ok).toBe(true);
    expect(checkModelName('adam-0.001-b32-e10 2026-11-27 05:40')).toEqual({
      ok: true,
      name: 'adam-0.001-b32-e10 2026-11-27 05:40',
    });
  });

  it('refuses empty, blank, too long, control characters and non-strings, with a reason', () => {
    for (const bad of ['', '   ', 'x'.repeat(MODEL_NAME_MAX + 1), 'two\nlines', 'tab\there', 42, null, undefined]) {
      const check = checkModelName(bad);
      expect(check.ok).toBe(false);
      if (!check.ok) expect(check.message.length).toBeGreaterThan(10);
    }
    const long = checkModelName('x'.repeat(61));
    expect(long.ok ? '' : long.message).toBe('The name is 61 characters long; keep it to 60.');
  });
});
