// Saved nets, from the page's side: the list kept in the worker's IndexedDB, and save, load, delete, download and
// load-from-file as requests to the worker. Each outcome becomes a one-line status (errors included) for the panel.
import { useCallback, useEffect, useState } from 'react';
import type { SavedModelsInfo } from '../../shared/protocol';
import { saveBlob } from '../download';
import type { TrainingWorker } from '../hooks/useTrainingWorker';

export interface SavedModels {
  entries: SavedModelsInfo[];
  busy: boolean;
  /** The outcome of the last action, for an aria-live line; `error` says whether it failed. */
  status: { text: string; error: boolean } | null;
  save: (name: string) => void;
  load: (name: string) => void;
  remove: (name: string) => void;
  download: () => void;
  loadFile: (file: File) => void;
}

function messageOf(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

export function useSavedModels(request: TrainingWorker['request']): SavedModels {
  const [entries, setEntries] = useState<SavedModelsInfo[]>([]);
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState<SavedModels['status']>(null);

  /** Runs one action: busy while it runs, its outcome (or failure) as the status line. */
  const act = useCallback(async (work: () => Promise<string>, failure: string) => {
    setBusy(true);
    try {
      setStatus({ text: await work(), error: false });
    } catch (e) {
      setStatus({ text: `${failure} ${messageOf(e)}`, error: true });
    } finally {
      setBusy(false);
    }
  }, []);

  useEffect(() => {
    request({ type: 'list-models' })
      .then((answer) => setEntries(answer.entries))
      .catch((e: unknown) => setStatus({ text: `Saved nets could not be listed: ${messageOf(e)}`, error: true }));
  }, [request]);

  const save = useCallback(
    (name: string) =>
      void act(async () => {
        const saved = await request({ type: 'save-models', name });
        setEntries((await request({ type: 'list-models' })).entries);
        return `Saved as “${saved.entry.name}” in this browser.`;
      }, 'Not saved:'),
    [act, request],
  );

  const load = useCallback(
    (name: string) =>
      void act(async () => {
        const loaded = await request({ type: 'load-models', name });
        return `Loaded “${loaded.entry.name}”: these nets now read what you draw.`;
      }, 'Not loaded:'),
    [act, request],
  );

  const remove = useCallback(
    (name: string) =>
      void act(async () => {
        setEntries((await request({ type: 'delete-models', name })).entries);
        return `Deleted “${name}”.`;
      }, 'Not deleted:'),
    [act, request],
  );

  const download = useCallback(
    () =>
      void act(async () => {
        const answer = await request({ type: 'export-models' });
        saveBlob(new Blob([answer.bytes], { type: 'application/json' }), answer.fileName);
        return `Downloaded ${answer.fileName}.`;
      }, 'Not downloaded:'),
    [act, request],
  );

  const loadFile = useCallback(
    (file: File) =>
      void act(async () => {
        const bytes = await file.arrayBuffer();
        const loaded = await request({ type: 'import-models', fileName: file.name, bytes }, [bytes]);
        return `Loaded ${file.name} (“${loaded.entry.name}”): these nets now read what you draw.`;
      }, 'Not loaded:'),
    [act, request],
  );

  return { entries, busy, status, save, load, remove, download, loadFile };
}
