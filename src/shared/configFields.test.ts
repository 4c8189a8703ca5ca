// The field table: every field has its own URL key, its default passes its own check, and text is read strictly.
import { describe, expect, it } from 'vitest';
import { BACKEND_NAMES, DEFAULT_CONFIG } from './config';
import { fieldSpec, FIELDS } from './configFields';
import { checkValue, formatField, formatLimit, parseField, parseNumberText } from './fieldText';

describe('the field table', () => {
  it('has every setting once, under a distinct URL key (aliases included)', () => {
    expect(FIELDS.map((f) => f.key).sort()).toEqual(Object.keys(DEFAULT_CONFIG).sort());
    const names = FIELDS.flatMap((f) => [f.url, ...(f.aliases ?? [])]);
    expect(new Set(names).size).toBe(names.length);
    for (const f of FIELDS) expect(f.url).toMatch(/^[a-z]{1,8}$/);
  });

  it('offers exactly the backends the worker knows, and auto', () => {
    const backend = fieldSpec('backend');
    expect(backend.kind === 'choice' ? backend.options.map((o) => o.value) : []).toEqual(['auto', ...BACKEND_NAMES]);
  });

  it('accepts every default and writes it as text that reads back', () => {
    for (const spec of FIELDS) {
      expect(checkValue(spec, DEFAULT_CONFIG[spec.key])).toBeNull();
      expect(parseField(spec, formatField(spec, DEFAULT_CONFIG[spec.key]))).toEqual({
        ok: true,
        value: DEFAULT_CONFIG[spec.key],
      });
    }
  });

  it('has a hint for every field and an in-range log scale only where the range spans decades', () => {
    for (const spec of FIELDS) {
      expect(spec.hint.length).toBeGreaterThan(10);
      if (spec.kind === 'number' && spec.log) expect(spec.min).toBeGreaterThan(0);
    }
    expect(FIELDS.filter((f) => f.kind === 'number' && f.log).map((f) => f.key)).toEqual(['lr', 'bnEpsilon']);
  });
});

describe('reading text', () => {
  it.each([
    ['42', 42],
    [' 1e-4 ', 0.0001],
    ['.5', 0.5],
    ['-3', -3],
    ['60,000', 60_000],
    ['1E3', 1000],
  ])('reads "%s" as %d', (text, value) => {
    expect(parseNumberText(text)).toBe(value);
  });

  it.each(['', '   ', '0x20', '0b1', 'Infinity', '1,2', '12,00', '1e', 'ten', '1 2'])(
    'does not read "%s" as a number',
    (text) => {
      expect(parseNumberText(text)).toBeNaN();
    },
  );

  it('checks the edges of a number field inclusively', () => {
    const batch = fieldSpec('batchSize');
    expect(parseField(batch, '1')).toEqual({ ok: true, value: 1 });
    expect(parseField(batch, '1024')).toEqual({ ok: true, value: 1024 });
    expect(parseField(batch, '1025')).toEqual({ ok: false, message: 'Batch size must be between 1 and 1,024.' });
  });

  it('reads widths with commas, spaces or "x", and layer sets as "all" or numbers', () => {
    expect(parseField(fieldSpec('layers'), '256, 128 x 64')).toEqual({ ok: true, value: [256, 128, 64] });
    expect(parseField(fieldSpec('layers'), '4,1024,4,4,4')).toEqual({ ok: true, value: [4, 1024, 4, 4, 4] });
    expect(parseField(fieldSpec('bnLayers'), 'All')).toEqual({ ok: true, value: 'all' });
    expect(parseField(fieldSpec('bnLayers'), '1 3')).toEqual({ ok: true, value: [1, 3] });
  });

  it('reads flags as 1/0, on/off, yes/no, true/false', () => {
    const flag = fieldSpec('bnScale');
    for (const t of ['1', 'on', 'YES', 'true']) expect(parseField(flag, t)).toEqual({ ok: true, value: true });
    for (const t of ['0', 'off', 'no', 'False']) expect(parseField(flag, t)).toEqual({ ok: true, value: false });
  });
});

describe('writing text', () => {
  it('writes limits as a user would type them', () => {
    expect([1e-5, 1, 1024, 60_000, 2 ** 31 - 1, 0.9999, 1e-8].map(formatLimit)).toEqual([
      '0.00001',
      '1',
      '1,024',
      '60,000',
      '2,147,483,647',
      '0.9999',
      '1e-8',
    ]);
  });

  it('writes flags as 1/0 and lists with commas', () => {
    expect(formatField(fieldSpec('denseBias'), false)).toBe('0');
    expect(formatField(fieldSpec('layers'), [100, 100])).toBe('100,100');
    expect(formatField(fieldSpec('bnLayers'), 'all')).toBe('all');
  });
});

describe('docs/settings.md', () => {
  it('documents every URL key in its settings table', async () => {
    const { readFile } = await import('node:fs/promises');
    const doc = await readFile(new URL('../../docs/settings.md', import.meta.url), 'utf8');
    const table = doc.slice(doc.indexOf('## Settings in the URL'), doc.indexOf('## Presets'));
    expect(table.length).toBeGreaterThan(0);
    for (const spec of FIELDS) expect(table, `docs/settings.md lacks \`${spec.url}\``).toContain(`\`${spec.url}\``);
  });
});
