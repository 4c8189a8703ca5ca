// The seeds summary as the page renders it: the pair's verdict column, and with five nets a verdict under each
// normalized net's numbers, against the plain net.
import { createElement } from 'react';
import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG, type NormKind } from '../shared/config';
import { NET_IDS, type NetId } from '../shared/metrics';
import type { SeedRun } from './charts/seedStats';
import type { EpochRecord } from './epochHistory';
import { SeedSummary } from './SeedSummary';

const record = (valAccuracy: number): EpochRecord => ({
  epoch: 1,
  loss: 0.1,
  accuracy: 0.9,
  valLoss: 0.1,
  valAccuracy,
  seconds: 1,
});
function run(acc: Partial<Record<NetId, number>>): SeedRun {
  const out: SeedRun = { bn: [], plain: [] };
  for (const net of NET_IDS) {
    const a = acc[net];
    if (a !== undefined) out[net] = [record(a)];
  }
  return out;
}

function render(norms: NormKind[], seedRuns: SeedRun[]): string {
  const config = { ...DEFAULT_CONFIG, norms, epochs: 1, seeds: 2 };
  return renderToString(createElement(SeedSummary, { config, seedRuns, divergences: [] }))
    .replace(/<!-- -->/g, '')
    .replace(/&#x27;/g, "'");
}

const verdicts = (html: string): string[] =>
  [...html.matchAll(/data-field="verdict"[^>]*>([^<]*)</g)].map((m) => m[1] ?? '');

describe('SeedSummary', () => {
  it('gives the pair one verdict column', () => {
    const html = render(['none', 'batch'], [run({ bn: 0.97, plain: 0.95 }), run({ bn: 0.975, plain: 0.955 })]);
    expect(html).toContain('gap vs spread');
    expect(verdicts(html)).toEqual(['gap exceeds spread (With BN higher)']);
  });

  it('with five nets, says for each normalized net whether its gap to the plain net exceeds the spread', () => {
    const html = render(
      ['none', 'batch', 'layer', 'group', 'rms'],
      [
        run({ bn: 0.9, plain: 0.95, ln: 0.97, gn: 0.94, rms: 0.96 }),
        run({ bn: 0.91, plain: 0.96, ln: 0.98, gn: 0.95, rms: 0.965 }),
      ],
    );
    expect(html).not.toContain('gap vs spread');
    expect(html).toContain('Under each net but No BN: whether its gap to No BN exceeds the spread');
    expect(verdicts(html)).toEqual([
      'vs No BN: gap exceeds spread (No BN higher)',
      'vs No BN: gap exceeds spread (LayerNorm higher)',
      'vs No BN: within spread',
      'vs No BN: within spread',
    ]);
  });
});
