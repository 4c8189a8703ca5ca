// The panel's promises to automation and to users, in each state, rendered to HTML as the page would (no browser).
import { createElement } from 'react';
import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../../shared/config';
import type { SavedModelsInfo } from '../../shared/protocol';
import { BUSY_TEXT, EMPTY_LIST, NOTHING_TO_SAVE, SavedModelsPanel, type PanelStatus } from './SavedModelsPanel';

const BLOG: SavedModelsInfo = {
  name: 'blog nets',
  config: defaultConfig(),
  savedAt: '2026-11-27T05:40:00.000Z',
  valAccuracy: { bn: 0.978, plain: 0.971 },
};
const QUICK: SavedModelsInfo = {
  name: 'quick "plain" <run>',
  config: { ...defaultConfig(), nets: 'plain', epochs: 1, trainSize: 3000 },
  savedAt: '2026-11-26T10:00:00.000Z',
  valAccuracy: {},
};

interface Options {
  entries?: SavedModelsInfo[];
  canSave?: boolean;
  busy?: boolean;
  defaultName?: string;
  status?: PanelStatus | null;
}

const noop = (): void => undefined;

function render({
  entries = [BLOG, QUICK],
  canSave = true,
  busy = false,
  defaultName = 'adam-0.001-b32-e10 2026-11-27 05:40',
  status = null,
}: Options = {}): string {
  return renderToString(
    createElement(SavedModelsPanel, {
      entries,
      canSave,
      busy,
      current: 'the nets of run 2',
      defaultName,
      status,
      onSave: noop,
      onLoad: noop,
      onDelete: noop,
      onDownload: noop,
      onLoadFile: noop,
    }),
  );
}

/** Every opening tag with this data-testid, as attribute maps. */
function allAttrs(html: string, testId: string): Array<Record<string, string>> {
  return [...html.matchAll(new RegExp(`<[a-z0-9]+\\b[^>]*\\bdata-testid="${testId}"[^>]*>`, 'g'))].map((m) =>
    Object.fromEntries([...m[0].matchAll(/([a-z-]+)(?:="([^"]*)")?/g)].slice(1).map((a) => [a[1] ?? '', a[2] ?? ''])),
  );
}

function attrs(html: string, testId: string): Record<string, string> {
  const found = allAttrs(html, testId)[0];
  if (found === undefined) throw new Error(`No element with data-testid="${testId}"`);
  return found;
}

/** The opening tag of the button with this accessible name. */
function button(html: string, label: string): string {
  const found = [...html.matchAll(/<button\b[^>]*>/g)]
    .map((m) => m[0])
    .find((tag) => tag.includes(`aria-label="${label}"`));
  if (found === undefined) throw new Error(`No button labelled ${label}`);
  return found;
}

const plain = (html: string): string =>
  html
    .replace(/<!-- -->/g, '')
    .replace(/<[^>]*>/g, ' ')
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>');

describe('SavedModelsPanel', () => {
  it('offers saving, downloading and loading a file when there are nets, with the suggested name', () => {
    const html = render();
    expect(attrs(html, 'saved-models')).toBeDefined();
    expect(attrs(html, 'save-models')).not.toHaveProperty('disabled');
    expect(attrs(html, 'download-models')).not.toHaveProperty('disabled');
    const file = attrs(html, 'load-model-file');
    expect(file.type).toBe('file');
    expect(file.accept).toBe('.json,application/json');
    expect(file).not.toHaveProperty('disabled');
    expect(html).toMatch(/<input[^>]*type="text"[^>]*value="adam-0.001-b32-e10 2026-11-27 05:40"/);
    expect(plain(html)).toContain('Predicting now: the nets of run 2');
  });

  it('lists each saved entry with its name, when, val_accuracy and settings, and named Load and Delete buttons', () => {
    const html = render();
    expect(allAttrs(html, 'saved-model').map((a) => a['data-name'])).toEqual([
      'blog nets',
      'quick &quot;plain&quot; &lt;run&gt;',
    ]);
    const text = plain(html);
    expect(text).toContain('val_accuracy With BN 97.8% · No BN 97.1%');
    expect(text).toContain('128×64 relu · adam lr 0.001 · batch 32 · 10 epochs');
    expect(text).toContain('1 epoch · 3,000 examples · No BN only');
    expect(html).toContain('aria-label="Load blog nets"');
    expect(html).toContain('aria-label="Delete blog nets"');
    expect(html).toContain('aria-label="Load quick &quot;plain&quot; &lt;run&gt;"');
  });

  it('without nets to save, Save and Download wait and say why; saved entries can still be loaded', () => {
    const html = render({ canSave: false });
    expect(attrs(html, 'save-models')).toHaveProperty('disabled');
    expect(attrs(html, 'download-models')).toHaveProperty('disabled');
    expect(plain(html)).toContain(NOTHING_TO_SAVE);
    expect(button(html, 'Load blog nets')).not.toContain('disabled');
    expect(button(html, 'Delete blog nets')).not.toContain('disabled');
    expect(attrs(html, 'load-model-file')).not.toHaveProperty('disabled');
  });

  it('while busy, every action waits', () => {
    const html = render({ busy: true });
    for (const id of ['save-models', 'download-models', 'load-model-file'])
      expect(attrs(html, id)).toHaveProperty('disabled');
    expect(button(html, 'Load blog nets')).toContain('disabled=""');
    expect(button(html, 'Delete blog nets')).toContain('disabled=""');
    expect(plain(html)).toContain(BUSY_TEXT);
    expect(attrs(html, 'saved-models')['aria-busy']).toBe('true');
  });

  it('a name already saved turns Save into Replace and says so', () => {
    const html = render({ defaultName: 'blog nets' });
    expect(plain(html)).toContain('Replace saved');
    expect(plain(html)).toContain('Saving replaces the saved “blog nets”.');
  });

  it('an unusable name disables Save with the reason', () => {
    const html = render({ defaultName: '   ' });
    expect(attrs(html, 'save-models')).toHaveProperty('disabled');
    expect(plain(html)).toContain('A name is needed to save the nets.');
    expect(html).toContain('aria-invalid="true"');
  });

  it('says when nothing is saved yet', () => {
    const html = render({ entries: [] });
    expect(allAttrs(html, 'saved-model')).toHaveLength(0);
    expect(plain(html)).toContain(EMPTY_LIST);
  });

  it('announces the last outcome in a live line, errors marked as such', () => {
    const ok = attrs(
      render({ status: { text: 'Saved as “blog nets” in this browser.', error: false } }),
      'models-status',
    );
    expect(ok['aria-live']).toBe('polite');
    expect(ok.class).toBe('saved-models-status');
    const html = render({
      status: { text: 'garbage.json: This file is not a BatchNorm Lab model: it is not JSON.', error: true },
    });
    expect(attrs(html, 'models-status').class).toBe('saved-models-status error');
    expect(plain(html)).toContain('garbage.json: This file is not a BatchNorm Lab model');
  });
});
