import { describe, expect, it } from 'vitest';
import { mergeDatasets } from './mergeDatasets';

interface Set {
  id: string;
  label: string;
  data: number[];
  hidden?: boolean;
}

describe('mergeDatasets', () => {
  it('keeps the object of a dataset that stays (so the chart keeps its state) and takes the new values into it', () => {
    const kept: Set = { id: 'a', label: 'old', data: [1], hidden: true };
    const current = [kept, { id: 'b', label: 'b', data: [2] }];
    const merged = mergeDatasets(current, [{ id: 'a', label: 'new', data: [1, 2] }]);
    expect(merged).toHaveLength(1);
    expect(merged[0]).toBe(kept);
    expect(merged[0]).toEqual({ id: 'a', label: 'new', data: [1, 2], hidden: true });
  });

  it('copies a new dataset in (never the caller’s object) and follows the new order', () => {
    const next: Set[] = [
      { id: 'c', label: 'c', data: [] },
      { id: 'a', label: 'a', data: [] },
    ];
    const a: Set = { id: 'a', label: 'a0', data: [] };
    const merged = mergeDatasets([a], next);
    expect(merged.map((d) => d.id)).toEqual(['c', 'a']);
    expect(merged[0]).not.toBe(next[0]);
    expect(merged[1]).toBe(a);
  });

  it('matches each old dataset at most once when ids repeat', () => {
    const a: Set = { id: 'a', label: '1', data: [] };
    const merged = mergeDatasets(
      [a],
      [
        { id: 'a', label: '2', data: [] },
        { id: 'a', label: '3', data: [] },
      ],
    );
    expect(merged[0]).toBe(a);
    expect(merged[1]).not.toBe(a);
    expect(merged.map((d) => d.label)).toEqual(['2', '3']);
  });
});
