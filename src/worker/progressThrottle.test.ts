import { describe, expect, it } from 'vitest';
import { throttleProgress } from './progressThrottle';

describe('throttleProgress', () => {
  it('passes the first report, then at most one an interval, and always the last', () => {
    let clock = 0;
    const seen: string[] = [];
    const report = throttleProgress(
      (loaded, total) => seen.push(`${loaded}/${total}`),
      100,
      () => clock,
    );
    report(10, 100);
    clock = 50;
    report(20, 100);
    clock = 99;
    report(30, 100);
    clock = 110;
    report(40, 100);
    clock = 120;
    report(100, 100);
    expect(seen).toEqual(['10/100', '40/100', '100/100']);
  });
});
