// The table of normalizations: each trained net's axis of statistics and formula, and the inference-mode note.
import { createElement } from 'react';
import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../../shared/config';
import { NormFormulas } from './NormFormulas';
import { recordsText } from './InsideSection';

describe('NormFormulas', () => {
  it('lists every normalized net of the run with the axis its statistics are taken over', () => {
    const config = { ...defaultConfig(), norms: ['none', 'batch', 'layer', 'group', 'rms'] as const, groups: 4 };
    const html = renderToString(
      createElement(NormFormulas, {
        config: { ...config, norms: [...config.norms] },
        nets: ['bn', 'plain', 'ln', 'gn', 'rms'],
      }),
    );
    expect(html.match(/data-net="/g)).toHaveLength(4);
    expect(html).toContain('over the m examples of the mini-batch, for each unit j');
    expect(html).toContain('over the d units of each example i (along a row), whatever the batch');
    expect(html).toContain('GroupNorm (4 groups)');
    expect(html).toContain('over each group of d/4 consecutive units of each example i');
    expect(html).toContain('without subtracting the mean');
    expect(html.match(/the same: no running statistics/g)).toHaveLength(3);
  });

  it('names what each percentile chart records', () => {
    const config = defaultConfig();
    expect(recordsText(config, 0, 'plain')).toBe('Dense output');
    expect(recordsText(config, 0, 'bn')).toBe('BN output γx̂+β (training mode)');
    expect(recordsText(config, 0, 'ln')).toBe('LayerNorm output γx̂+β');
    expect(recordsText(config, 0, 'rms')).toBe('RMSNorm output γx̂');
    expect(recordsText({ ...config, bnPlace: 'after' }, 1, 'gn')).toBe(
      'Dense output (GroupNorm comes after the activation)',
    );
    expect(recordsText({ ...config, bnLayers: [2] }, 0, 'ln')).toBe('Dense output (no LayerNorm on this layer)');
  });
});
