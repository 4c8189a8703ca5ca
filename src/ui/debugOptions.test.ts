import { describe, expect, it } from 'vitest';
import { readDebugOptions } from './debugOptions';
import { DEFAULT_STALL_MS } from './stallWatch';

describe('readDebugOptions', () => {
  it('keeps production behaviour without switches or with malformed ones', () => {
    expect(readDebugOptions('')).toEqual({ stallMs: DEFAULT_STALL_MS, worker: {}, tourShort: false });
    expect(readDebugOptions('?debug-stall-ms=banana&debug-float16=yes')).toEqual({
      stallMs: DEFAULT_STALL_MS,
      worker: {},
      tourShort: false,
    });
    expect(readDebugOptions('?debug-stall-ms=10').stallMs).toBe(DEFAULT_STALL_MS);
  });

  it('reads a shorter stall threshold and the float16 switch', () => {
    expect(readDebugOptions('?epochs=2&debug-stall-ms=3000&debug-float16=1')).toEqual({
      stallMs: 3000,
      worker: { forceFloat16: true },
      tourShort: false,
    });
    expect(readDebugOptions('?debug-tour-short=1').tourShort).toBe(true);
    expect(readDebugOptions('?debug-tour-short=yes').tourShort).toBe(false);
  });
});
