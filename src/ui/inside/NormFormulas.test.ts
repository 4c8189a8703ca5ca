// The table of normalizations: each trained net's axis of statistics and formula, and the inference-mode note.
import { createElement } from 'react';
import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../../shared/config';
import { netNames } from '../../shared/netNames';
import { NormFormulas } from './NormFormulas';
import { NormMathPanel } from './NormMathPanel';
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

describe('NormMathPanel', () => {
  it('shows each per-example normalization’s rows, each example with its own statistics', () => {
    const math = {
      layer: 0,
      unit: 6,
      group: 1,
      groups: 4,
      groupSize: 4,
      centered: true,
      m: 50,
      rows: [
        { x: 0.5, mean: 0.25, variance: 0.0625, xhat: 0.99, y: 1.2 },
        { x: -1, mean: 0.5, variance: 1, xhat: -1.49, y: -1.1 },
      ],
      epsilon: 0.001,
      gamma: 1.1,
      beta: 0.1,
    };
    // React marks the seams between text nodes with empty comments; the text a reader sees has none.
    const html = renderToString(
      createElement(NormMathPanel, {
        maths: { gn: math, rms: { ...math, groups: 1, group: 0, groupSize: 16, centered: false, beta: 0 } },
        names: netNames(null),
        step: 9,
      }),
    ).replace(/<!-- -->/g, '');
    expect(html).toContain('GroupNorm</strong>, hidden layer 1, unit 7, training step 10 (m = 50)');
    expect(html).toContain('its 4 units of group 2 of 4');
    expect(html).toContain('without subtracting a mean');
    expect(html).toContain('mean x²_i');
    expect(html.match(/<tr><th scope="row">/g)).toHaveLength(4);
    expect(renderToString(createElement(NormMathPanel, { maths: undefined, names: netNames(null), step: null }))).toBe(
      '',
    );
  });
});
