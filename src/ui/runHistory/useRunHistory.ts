// The run history as React state: loaded from localStorage once, a run recorded when the worker says it ended
// (finished or stopped, with at least one epoch), and the user's show/hide/delete choices written back. The rules
// live in storage.ts.
import { useCallback, useRef, useState } from 'react';
import { useUi, useWorkerEvent } from '../store/uiStore';
import { recordOf, type SavedRun } from './savedRun';
import {
  addRun,
  deleteRun,
  loadRuns,
  loadShowOnCharts,
  nextNumber,
  saveRuns,
  saveShowOnCharts,
  setHidden as withHidden,
  type HistoryStorage,
} from './storage';

export interface RunHistory {
  /** Newest first. */
  runs: readonly SavedRun[];
  /** The saved record of the run on screen, once it has ended; it is not drawn a second time. */
  onScreenId: string | null;
  showOnCharts: boolean;
  setShowOnCharts: (show: boolean) => void;
  setHidden: (id: string, hidden: boolean) => void;
  remove: (id: string) => void;
  /** Something the user should know (unreadable saved data, a full quota), shown until dismissed. */
  notice: string | null;
  dismissNotice: () => void;
}

/** localStorage, or null where the browser refuses it (some privacy modes throw on access). */
function browserStorage(): HistoryStorage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

const NO_STORAGE = 'This browser does not let the page keep data, so earlier runs are listed only until a reload.';

export function useRunHistory(): RunHistory {
  const [storage] = useState(browserStorage);
  const [initial] = useState(() => (storage ? loadRuns(storage) : { runs: [], problem: NO_STORAGE }));
  const [runs, setRuns] = useState<readonly SavedRun[]>(initial.runs);
  const [notice, setNotice] = useState<string | null>(initial.problem);
  const [showOnCharts, setShow] = useState(() => (storage ? loadShowOnCharts(storage) : true));
  const [saved, setSaved] = useState<{ runId: number; id: string } | null>(null);
  // The latest list for callbacks, which must not act on a stale copy.
  const latest = useRef(runs);
  const runId = useUi((s) => s.run.id);

  const commit = useCallback(
    (next: readonly SavedRun[]) => {
      let kept = next;
      if (storage) {
        const result = saveRuns(storage, next);
        kept = result.runs;
        if (result.problem !== null) setNotice(result.problem);
      }
      latest.current = kept;
      setRuns(kept);
    },
    [storage],
  );

  // The run's end, as the store has just taken it in: its rows and settings are read as they are at that moment.
  useWorkerEvent((event, state) => {
    if (event.type !== 'run-finished' || event.runId !== state.run.id) return;
    const savedAt = Date.now();
    const number = nextNumber(latest.current);
    const record = recordOf(
      { status: state.run.status, runConfig: state.run.config, ...state.results },
      { id: `${savedAt.toString(36)}-${number}`, number, savedAt },
    );
    if (record === null) return;
    commit(addRun(latest.current, record));
    setSaved({ runId: event.runId, id: record.id });
  });

  const setShowOnCharts = useCallback(
    (show: boolean) => {
      setShow(show);
      if (storage) saveShowOnCharts(storage, show);
    },
    [storage],
  );
  const setHidden = useCallback(
    (id: string, hidden: boolean) => commit(withHidden(latest.current, id, hidden)),
    [commit],
  );
  const remove = useCallback((id: string) => commit(deleteRun(latest.current, id)), [commit]);
  const dismissNotice = useCallback(() => setNotice(null), []);

  return {
    runs,
    onScreenId: saved !== null && saved.runId === runId ? saved.id : null,
    showOnCharts,
    setShowOnCharts,
    setHidden,
    remove,
    notice,
    dismissNotice,
  };
}
