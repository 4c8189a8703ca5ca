import { describe, expect, it } from 'vitest';
import { mulberry32, permutation } from './shuffle';

describe('seeded permutation', () => {
  it('is a permutation, and the same seed gives the same order', () => {
    const a = permutation(1000, mulberry32(7));
    expect(Array.from(a).sort((x, y) => x - y)).toEqual(Array.from({ length: 1000 }, (_, i) => i));
    expect(Array.from(permutation(1000, mulberry32(7)))).toEqual(Array.from(a));
    expect(Array.from(permutation(1000, mulberry32(8)))).not.toEqual(Array.from(a));
  });
});
