// The header's first sentence says what the settings train: the blog's pair, one net, or one net per normalization.
import { describe, expect, it } from 'vitest';
import { ledeText } from './headerText';

describe('ledeText', () => {
  it('keeps the blog pair’s sentence', () => {
    expect(ledeText(['bn', 'plain'], 1)).toEqual({
      nets: 'Two MNIST networks, identical but for Batch Normalization, train side by side in your browser from the same weights on the same batches.',
      draws: 'draw the blog’s figure live',
    });
  });

  it('counts and names every net when more train', () => {
    expect(ledeText(['bn', 'plain', 'ln', 'gn', 'rms'], 1).nets).toBe(
      'Five MNIST networks, one per normalization (none, BatchNorm, LayerNorm, GroupNorm, RMSNorm), train side by side in your browser from the same weights on the same batches.',
    );
    expect(ledeText(['bn', 'plain', 'ln', 'gn'], 3)).toEqual({
      nets: 'Four MNIST networks, one per normalization (none, BatchNorm, LayerNorm, GroupNorm), train side by side in your browser from the same weights on the same batches, each with 3 seeds.',
      draws: 'draw their loss and accuracy live',
    });
    expect(ledeText(['bn', 'ln'], 1).nets).toMatch(
      /^Two MNIST networks, one per normalization \(BatchNorm, LayerNorm\)/,
    );
  });

  it('names the one normalization a pair differs by, and a single net', () => {
    expect(ledeText(['plain', 'ln'], 1).nets).toMatch(/^Two MNIST networks, identical but for Layer Normalization,/);
    expect(ledeText(['plain', 'ln'], 1).draws).toBe('draw their loss and accuracy live');
    expect(ledeText(['bn'], 2)).toEqual({
      nets: 'One MNIST network with Batch Normalization trains in your browser with 2 seeds.',
      draws: 'draw its loss and accuracy live',
    });
    expect(ledeText(['plain'], 1).nets).toBe('One MNIST network without normalization trains in your browser.');
  });
});
