// The panel's promises to automation and to users, rendered to HTML as the page would (no browser).
import { netNames } from '../../shared/netNames';
import { createElement } from 'react';
import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { TestInspection } from '../../shared/protocol';
import type { GalleryFilter } from './confusion';
import { EMPTY_TEXT, InspectPanel } from './InspectPanel';
import { TestGallery } from './TestGallery';

const NAMES = { ...netNames(null), bn: 'With BN (before ReLU)' };
const N = 10_000;
const label = (i: number): number => i % 10;
// With BN reads every 100th "4" as 9; No BN does too, and also reads a "4" as 7 and a "3" as 8 in every hundred.
const bnReads = (i: number): number => (i % 100 === 4 ? 9 : label(i));
const plainReads = (i: number): number => ({ 4: 9, 54: 7, 13: 8 })[i % 100] ?? label(i);
// Right by both; wrong by both alike (4, 104); No BN alone wrong (13, 54, 313).
const SAMPLE = [0, 4, 13, 54, 104, 200, 211, 313];

function fake(nets: ('bn' | 'plain')[] = ['bn', 'plain']): TestInspection {
  const pixels = new Uint8Array(SAMPLE.length * 784);
  pixels.fill(255, 0, 10);
  return {
    labels: Uint8Array.from({ length: N }, (_, i) => label(i)),
    predicted: Object.fromEntries(
      nets.map((id) => [id, Uint8Array.from({ length: N }, (_, i) => (id === 'bn' ? bnReads(i) : plainReads(i)))]),
    ),
    sample: { indices: Int32Array.from(SAMPLE), pixels },
  };
}

function panel(
  inspection: TestInspection | null,
  over: { busy?: boolean; canRefresh?: boolean; note?: string } = {},
): string {
  return renderToString(
    createElement(InspectPanel, {
      inspection,
      netNames: NAMES,
      busy: false,
      canRefresh: true,
      onRefresh: () => undefined,
      ...over,
    }),
  );
}

const gallery = (inspection: TestInspection, initialFilter: GalleryFilter): string =>
  renderToString(createElement(TestGallery, { inspection, initialFilter }));

/** The attributes of each element with this data-testid. */
function allAttrs(html: string, testId: string): Record<string, string>[] {
  const tags = html.match(new RegExp(`<[a-z0-9]+\\b[^>]*\\bdata-testid="${testId}"[^>]*>`, 'g')) ?? [];
  return tags.map((tag) =>
    Object.fromEntries([...tag.matchAll(/([a-z-]+)="([^"]*)"/g)].map((m) => [m[1] ?? '', m[2] ?? ''])),
  );
}

function attrs(html: string, testId: string): Record<string, string> {
  const found = allAttrs(html, testId)[0];
  if (found === undefined) throw new Error(`No element with data-testid="${testId}"`);
  return found;
}

/** Visible text with tags and React's text separators removed. */
const plain = (html: string): string => html.replace(/<!-- -->/g, '').replace(/<[^>]*>/g, '');

/** The text of the first element matching `open`, up to `closing`. */
function textOf(html: string, open: RegExp, closing: string): string {
  const start = html.search(open);
  if (start < 0) throw new Error(`Nothing matches ${open}`);
  return plain(html.slice(start, html.indexOf(closing, start)).replace(/^[^>]*>/, ''));
}

describe('InspectPanel', () => {
  it('asks for a model before there is an inspection, with the refresh button following canRefresh and busy', () => {
    const html = panel(null, { canRefresh: false });
    expect(html).toContain('Test set: where the nets go wrong');
    expect(html).toContain(EMPTY_TEXT);
    expect(attrs(html, 'inspect-refresh')).toHaveProperty('disabled');
    expect(html).not.toContain('data-testid="confusion-');
    expect(html).not.toContain('data-testid="test-gallery"');
    expect(attrs(panel(null), 'inspect-refresh')).not.toHaveProperty('disabled');
    const busy = panel(null, { busy: true });
    expect(attrs(busy, 'inspect-refresh')).toHaveProperty('disabled');
    expect(attrs(busy, 'inspect-panel')['aria-busy']).toBe('true');
    expect(busy).toContain('Running the nets on the test set');
  });

  it("shows each net's confusion matrix: caption, counts, the worst errors bold, accuracy and most confused pairs", () => {
    const html = panel(fake(), { note: 'after epoch 3 of the run in progress' });
    expect(textOf(html, /data-testid="inspect-note"/, '</p>')).toBe('after epoch 3 of the run in progress');
    expect(attrs(html, 'confusion-bn')['data-accuracy']).toBe('0.9900');
    expect(attrs(html, 'confusion-plain')['data-accuracy']).toBe('0.9700');
    const bn = html.slice(html.indexOf('data-testid="confusion-bn"'), html.indexOf('data-testid="confusion-plain"'));
    expect(textOf(bn, /<caption/, '</caption>')).toContain(
      'Confusion matrix: With BN (before ReLU), 10,000 test images',
    );
    expect(bn.match(/<td class="(hit|miss)[^"]*"/g)).toHaveLength(100);
    expect(bn.match(/<th scope="row">/g)).toHaveLength(10);
    expect(bn.match(/<th scope="col"><span class="visually-hidden">read as/g)).toHaveLength(10);
    // Row "4": 900 read right, 100 read as 9 (the only error, so the only bold cell).
    expect(bn.match(/class="miss worst"[^>]*>100</g)).toHaveLength(1);
    expect(bn).toMatch(/class="hit"[^>]*>900</);
    expect(textOf(bn, /class="confusion-summary"/, '</figcaption>')).toBe(
      'Accuracy 99.00% (9,900 of 10,000) · most confused: 4 read as 9: 100',
    );
    const plainPart = html.slice(html.indexOf('data-testid="confusion-plain"'));
    expect(plainPart.match(/class="miss worst"/g)).toHaveLength(3);
    expect(textOf(plainPart, /class="confusion-summary"/, '</figcaption>')).toBe(
      'Accuracy 97.00% (9,700 of 10,000) · most confused: 3 read as 8: 100, 4 read as 7: 100, 4 read as 9: 100',
    );
    expect(textOf(html, /data-testid="inspect-disagreements"/, '</p>')).toBe(
      'The nets disagree on 200 of 10,000 test images: With BN (before ReLU) is right on 200, No BN on 0, neither on 0.',
    );
  });

  it('with five nets, says where each normalized net disagrees with the plain one', () => {
    const reads = { bn: bnReads, plain: plainReads, ln: bnReads, gn: plainReads, rms: label };
    const five: TestInspection = {
      ...fake(),
      predicted: Object.fromEntries(
        Object.entries(reads).map(([id, f]) => [id, Uint8Array.from({ length: N }, (_, i) => f(i))]),
      ),
    };
    const html = panel(five);
    const start = html.indexOf('data-testid="inspect-disagreements"');
    const note = html.slice(start, html.indexOf('</ul>', start));
    expect(textOf(note, /<p/, '</p>')).toBe('Against No BN, on the 10,000 test images:');
    expect([...note.matchAll(/<li [^>]*>(.*?)<\/li>/g)].map((m) => plain(m[1] ?? ''))).toEqual([
      'With BN (before ReLU) disagrees on 200: it is right on 200, No BN on 0, neither on 0.',
      'LayerNorm disagrees on 200: it is right on 200, No BN on 0, neither on 0.',
      'GroupNorm agrees on every image.',
      'RMSNorm disagrees on 300: it is right on 300, No BN on 0, neither on 0.',
    ]);
    expect(plain(html)).toContain('Mistakes of any net');
  });

  it('shows the sample with labels, readings, mistakes marked and image descriptions', () => {
    const html = panel(fake());
    expect(attrs(html, 'test-gallery')).toMatchObject({ 'data-filter': 'all', 'data-shown': '8' });
    const items = allAttrs(html, 'gallery-item');
    expect(items.map((a) => Number(a['data-index']))).toEqual(SAMPLE);
    expect(items.map((a) => a['data-label'])).toEqual(SAMPLE.map((i) => String(label(i))));
    expect(items.map((a) => a['data-pred-bn'])).toEqual(SAMPLE.map((i) => String(bnReads(i))));
    expect(items.map((a) => a['data-pred-plain'])).toEqual(SAMPLE.map((i) => String(plainReads(i))));
    expect(items.map((a) => a['data-wrong'])).toEqual(['', 'bn plain', 'plain', 'plain', 'bn plain', '', '', 'plain']);
    expect(items.filter((a) => a.class === 'gallery-item wrong')).toHaveLength(5);
    expect(html).toContain('aria-label="Test image 13: a 3; With BN reads 3, No BN reads 8"');
    expect(html.match(/<canvas [^>]*role="img"/g)).toHaveLength(8);
    expect(html.match(/✕ /g)).toHaveLength(7);
    expect(textOf(html, /data-testid="gallery-count"/, '</p>')).toBe('8 of 8 shown');
    expect(plain(html)).toContain('All (8)');
    expect(plain(html)).toContain('Mistakes of either net (5)');
    expect(plain(html)).toContain('Only where the nets disagree (3)');
    expect(attrs(html, 'gallery-filter-all')).toHaveProperty('checked');
  });

  it('filters the gallery to the mistakes, or to where the nets disagree', () => {
    const mistakes = gallery(fake(), 'mistakes');
    expect(allAttrs(mistakes, 'gallery-item').map((a) => Number(a['data-index']))).toEqual([4, 13, 54, 104, 313]);
    expect(textOf(mistakes, /data-testid="gallery-count"/, '</p>')).toBe('5 of 8 shown');
    const disagree = gallery(fake(), 'disagree');
    expect(allAttrs(disagree, 'gallery-item').map((a) => Number(a['data-index']))).toEqual([13, 54, 313]);
    expect(textOf(disagree, /data-testid="gallery-count"/, '</p>')).toBe('3 of 8 shown');
    expect(attrs(disagree, 'gallery-filter-disagree')).toHaveProperty('checked');
  });

  it('with one net, shows only its matrix and no disagreements, and says when a filter finds nothing', () => {
    const html = panel(fake(['plain']));
    expect(html).toContain('data-testid="confusion-plain"');
    expect(html).not.toContain('data-testid="confusion-bn"');
    expect(html).not.toContain('data-testid="inspect-disagreements"');
    expect(allAttrs(html, 'gallery-item').map((a) => a['data-pred-bn'])).toEqual(SAMPLE.map(() => ''));
    expect(html).toContain('aria-label="Test image 13: a 3; No BN reads 8"');
    expect(attrs(html, 'gallery-filter-disagree')).toHaveProperty('disabled');
    // A remembered "disagree" falls back to all when there is only one net.
    expect(attrs(gallery(fake(['plain']), 'disagree'), 'test-gallery')['data-filter']).toBe('all');
    const right = { ...fake(['bn']), sample: { indices: Int32Array.from([0, 1]), pixels: new Uint8Array(2 * 784) } };
    expect(plain(gallery(right, 'mistakes'))).toContain('No mistakes in this sample.');
  });

  it('says what is wrong with a broken inspection instead of drawing it', () => {
    const broken = { ...fake(), sample: { indices: Int32Array.from([N]), pixels: new Uint8Array(784) } };
    const html = panel(broken);
    expect(html).toContain('role="alert"');
    expect(html).toContain('A sample image is not in the test set.');
    expect(html).not.toContain('data-testid="test-gallery"');
  });
});
