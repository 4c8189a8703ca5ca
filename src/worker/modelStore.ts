// Saved nets in the worker's IndexedDB: each entry is the same bundle a downloaded file holds, so loading one goes
// through importBundle's checks exactly as a file does. Worker side (no DOM): TF.js types and IndexedDB only.
//
// Why not TF.js's 'indexeddb://' store: it keeps one model per key, so a pair of nets plus their settings would take
// three writes with no transaction across them (a half-saved pair), and it loads through tf.loadLayersModel, which
// deserializes the topology and loses the BN layers' γ/β patch that only buildNet applies (see core/models.ts).
import type * as tf from '@tensorflow/tfjs';
import { exportBundle, importBundle, ModelFileError } from '../core/modelBundle';
import { checkModelName } from '../shared/modelName';
import type { SavedModelsInfo, SomeNets } from '../shared/protocol';

const DB_NAME = 'batchnorm-lab';
const DB_VERSION = 1;
/** name → the bundle's bytes (the file format of core/bundleFormat.ts). */
const MODELS = 'models';
/** name → SavedModelsInfo, so the list is read without decoding every bundle. */
const INFO = 'info';

export type ModelStoreErrorCode = 'bad-name' | 'not-found' | 'unavailable' | 'blocked' | 'quota' | 'corrupt' | 'failed';

export class ModelStoreError extends Error {
  override readonly name = 'ModelStoreError';
  constructor(
    readonly code: ModelStoreErrorCode,
    message: string,
  ) {
    super(message);
  }
}

/** A user-facing reason for a failed IndexedDB operation, by the DOMException's name. */
function storeError(error: DOMException | null, doing: string): ModelStoreError {
  const name = error?.name ?? '';
  if (name === 'QuotaExceededError') {
    return new ModelStoreError(
      'quota',
      `The browser has no room left ${doing}: delete some saved nets, or keep them with “Download file”.`,
    );
  }
  const detail = error?.message ? ` (${error.message})` : '';
  return new ModelStoreError('failed', `The browser's storage failed ${doing}${detail}.`);
}

const UNAVAILABLE =
  'This browser does not let the page keep data (IndexedDB is off, as in some private modes): use “Download file” instead.';

let opening: Promise<IDBDatabase> | null = null;

function open(): Promise<IDBDatabase> {
  if (opening) return opening;
  const attempt = new Promise<IDBDatabase>((resolve, reject) => {
    if (typeof indexedDB === 'undefined') {
      reject(new ModelStoreError('unavailable', UNAVAILABLE));
      return;
    }
    let request: IDBOpenDBRequest;
    try {
      request = indexedDB.open(DB_NAME, DB_VERSION);
    } catch {
      reject(new ModelStoreError('unavailable', UNAVAILABLE));
      return;
    }
    request.onupgradeneeded = () => {
      const db = request.result;
      if (!db.objectStoreNames.contains(MODELS)) db.createObjectStore(MODELS);
      if (!db.objectStoreNames.contains(INFO)) db.createObjectStore(INFO);
    };
    request.onblocked = () =>
      reject(
        new ModelStoreError(
          'blocked',
          'Saved nets are locked by another tab of BatchNorm Lab running an older version: close it and try again.',
        ),
      );
    request.onerror = () =>
      reject(new ModelStoreError('unavailable', `${UNAVAILABLE} (${request.error?.message ?? 'open failed'})`));
    request.onsuccess = () => {
      const db = request.result;
      // A newer version in another tab needs this connection gone; the next call reopens.
      db.onversionchange = () => {
        db.close();
        opening = null;
      };
      db.onclose = () => {
        opening = null;
      };
      resolve(db);
    };
  });
  // A failed open is not cached: the next action tries again (the user may have freed space or closed a tab).
  opening = attempt.catch((e: unknown) => {
    opening = null;
    throw e;
  });
  return opening;
}

/** Runs `work` in one transaction over both stores; resolves with its result once the transaction has committed. */
async function transact<T>(
  mode: IDBTransactionMode,
  doing: string,
  work: (models: IDBObjectStore, info: IDBObjectStore) => IDBRequest<T>,
): Promise<T> {
  const db = await open();
  return new Promise<T>((resolve, reject) => {
    let tx: IDBTransaction;
    try {
      tx = db.transaction([MODELS, INFO], mode);
    } catch (e) {
      reject(storeError(e instanceof DOMException ? e : null, doing));
      return;
    }
    let request: IDBRequest<T>;
    try {
      request = work(tx.objectStore(MODELS), tx.objectStore(INFO));
    } catch (e) {
      // A put can throw at once (a value that cannot be cloned): nothing of this transaction may stay.
      tx.abort();
      reject(storeError(e instanceof DOMException ? e : null, doing));
      return;
    }
    // Quota errors surface at commit, so only `complete` means the data is kept.
    tx.oncomplete = () => resolve(request.result);
    tx.onabort = () => reject(storeError(tx.error ?? request.error, doing));
  });
}

function checkedName(name: string): string {
  const check = checkModelName(name);
  if (!check.ok) throw new ModelStoreError('bad-name', check.message);
  return check.name;
}

/** Saves a pair of nets under a name (1–60 characters, trimmed); an entry of that name is replaced. Returns what was stored. */
export async function saveModels(
  name: string,
  models: SomeNets<tf.LayersModel>,
  info: SavedModelsInfo,
): Promise<SavedModelsInfo> {
  const key = checkedName(name);
  const entry: SavedModelsInfo = { ...info, name: key };
  const bytes = await exportBundle(models, entry);
  await transact('readwrite', `to save “${key}”`, (store, infos) => {
    store.put(bytes, key);
    return infos.put(entry, key);
  });
  return entry;
}

function isInfo(value: unknown): value is SavedModelsInfo {
  if (typeof value !== 'object' || value === null) return false;
  const record = value as Record<string, unknown>;
  return typeof record.name === 'string' && typeof record.savedAt === 'string' && typeof record.config === 'object';
}

/** The saved entries, newest first. */
export async function listSaved(): Promise<SavedModelsInfo[]> {
  const all = await transact<unknown[]>('readonly', 'to list the saved nets', (_models, infos) => infos.getAll());
  return all.filter(isInfo).sort((a, b) => b.savedAt.localeCompare(a.savedAt) || a.name.localeCompare(b.name));
}

/** Reads and rebuilds a saved pair, with the same checks as a file; the caller owns the models. */
export async function loadSaved(name: string): Promise<{ info: SavedModelsInfo; models: SomeNets<tf.Sequential> }> {
  const key = checkedName(name);
  const stored = await transact<unknown>('readonly', `to read “${key}”`, (models) => models.get(key));
  if (stored === undefined)
    throw new ModelStoreError(
      'not-found',
      `There are no saved nets named “${key}” in this browser (deleted in another tab?).`,
    );
  if (!(stored instanceof ArrayBuffer) && !(stored instanceof Uint8Array)) {
    throw new ModelStoreError(
      'corrupt',
      `The saved nets “${key}” cannot be read: the stored entry is not a model file.`,
    );
  }
  try {
    return await importBundle(stored);
  } catch (e) {
    if (e instanceof ModelFileError)
      throw new ModelStoreError('corrupt', `The saved nets “${key}” cannot be read: ${e.message}`);
    throw e;
  }
}

/** Deletes a saved pair; deleting one that is already gone (say, from another tab) is not an error. */
export async function deleteSaved(name: string): Promise<void> {
  const key = checkedName(name);
  await transact('readwrite', `to delete “${key}”`, (store, infos) => {
    store.delete(key);
    return infos.delete(key);
  });
}
