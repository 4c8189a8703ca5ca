// What the store decides before it touches IndexedDB (the browser part is covered by e2e/models.spec.ts): names are
// checked first, and a place without IndexedDB (Node here, some private modes) gives a message that says what to do.
import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../shared/config';
import type { SavedModelsInfo } from '../shared/protocol';
import { deleteSaved, listSaved, loadSaved, ModelStoreError, saveModels } from './modelStore';

const INFO: SavedModelsInfo = {
  name: 'x',
  config: defaultConfig(),
  savedAt: '2026-11-27T05:40:00.000Z',
  valAccuracy: {},
};

async function failure(work: Promise<unknown>): Promise<ModelStoreError> {
  const error = await work.then(
    () => null,
    (e: unknown) => e,
  );
  if (!(error instanceof ModelStoreError)) throw new Error(`expected a ModelStoreError, got ${String(error)}`);
  return error;
}

describe('modelStore', () => {
  it('refuses a blank or too long name before saving, loading or deleting anything', async () => {
    for (const name of ['', '   ', 'n'.repeat(61)]) {
      for (const work of [saveModels(name, {}, INFO), loadSaved(name), deleteSaved(name)]) {
        const error = await failure(work);
        expect(error.code).toBe('bad-name');
        expect(error.message).toMatch(/name/);
      }
    }
  });

  it('without IndexedDB, says so and points to the file download', async () => {
    expect(typeof indexedDB).toBe('undefined');
    const error = await failure(listSaved());
    expect(error.code).toBe('unavailable');
    expect(error.message).toMatch(/IndexedDB.*Download file/);
    // A failed open is not remembered: each action tries again and fails the same way.
    expect((await failure(loadSaved('nets'))).code).toBe('unavailable');
  });
});
