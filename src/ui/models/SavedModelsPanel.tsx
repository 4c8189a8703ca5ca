// "Saved models": keep the nets that answer now under a name in this browser or as a file, and bring saved ones back
// to read drawn digits without training. Shows and asks; the worker does the saving and loading.
import { useId, useState, type ChangeEvent, type FormEvent } from 'react';
import { checkModelName } from '../../shared/modelName';
import type { SavedModelsInfo } from '../../shared/protocol';
import { accuracySummary, savedWhen, settingsSummary } from './naming';
import './models.css';

export const NOTHING_TO_SAVE = 'Train nets (let the run finish or stop it) or load some to save them.';
export const BUSY_TEXT = 'Working…';
export const EMPTY_LIST = 'No nets saved in this browser yet.';

export interface PanelStatus {
  text: string;
  error: boolean;
}

interface Props {
  /** Saved entries, newest first. */
  entries: SavedModelsInfo[];
  /** There are finished (or loaded) nets to save or download. */
  canSave: boolean;
  /** An action is in progress: the buttons wait. */
  busy: boolean;
  /** Which nets answer predictions now, in words ("the nets of run 3", "“blog nets”, loaded", "none yet"). */
  current: string;
  /** The name the field starts with; a new value (another run finished) replaces the field's text. */
  defaultName: string;
  /** The outcome of the last action, errors included. */
  status: PanelStatus | null;
  onSave: (name: string) => void;
  onLoad: (name: string) => void;
  onDelete: (name: string) => void;
  onDownload: () => void;
  onLoadFile: (file: File) => void;
}

function SavedEntry({
  entry,
  busy,
  onLoad,
  onDelete,
}: { entry: SavedModelsInfo; busy: boolean } & Pick<Props, 'onLoad' | 'onDelete'>) {
  const accuracy = accuracySummary(entry.valAccuracy);
  return (
    <li className="saved-entry" data-testid="saved-model" data-name={entry.name}>
      <div className="saved-entry-text">
        <strong className="saved-entry-name">{entry.name}</strong>
        <span className="hint">
          {savedWhen(entry.savedAt)}
          {accuracy !== '' && ` · val_accuracy ${accuracy}`}
        </span>
        <span className="hint saved-entry-settings">{settingsSummary(entry.config)}</span>
      </div>
      <span className="saved-entry-actions">
        <button
          type="button"
          className="secondary"
          disabled={busy}
          aria-label={`Load ${entry.name}`}
          onClick={() => onLoad(entry.name)}
        >
          Load
        </button>
        <button
          type="button"
          className="secondary"
          disabled={busy}
          aria-label={`Delete ${entry.name}`}
          onClick={() => onDelete(entry.name)}
        >
          Delete
        </button>
      </span>
    </li>
  );
}

export function SavedModelsPanel(props: Props) {
  const { entries, canSave, busy, current, defaultName, status, onSave, onLoad, onDelete, onDownload, onLoadFile } =
    props;
  const ids = useId();
  const [name, setName] = useState(defaultName);
  // A new suggestion (another run finished) replaces the field's text; adjusting state while rendering, as React advises.
  const [suggested, setSuggested] = useState(defaultName);
  if (suggested !== defaultName) {
    setSuggested(defaultName);
    setName(defaultName);
  }

  const check = checkModelName(name);
  const replaces = check.ok && entries.some((e) => e.name === check.name);
  const nameProblem = canSave && !busy && !check.ok;
  const reason = !canSave
    ? NOTHING_TO_SAVE
    : busy
      ? BUSY_TEXT
      : !check.ok
        ? check.message
        : replaces
          ? `Saving replaces the saved “${check.name}”.`
          : '';

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (canSave && !busy && check.ok) onSave(check.name);
  };
  const pickFile = (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    // Cleared, so that choosing the same file again (after fixing it, say) is a change too.
    event.target.value = '';
    if (file) onLoadFile(file);
  };

  return (
    <section
      className="card saved-models"
      aria-labelledby={`${ids}-heading`}
      aria-busy={busy}
      data-testid="saved-models"
    >
      <div className="section-head">
        <h2 id={`${ids}-heading`}>Saved models</h2>
        <p className="hint saved-models-current" data-testid="models-current">
          Predicting now: {current}
        </p>
      </div>

      <form className="saved-models-save" onSubmit={submit}>
        <div className={`field${nameProblem ? ' invalid' : ''}`}>
          <label htmlFor={`${ids}-name`}>Name</label>
          <input
            id={`${ids}-name`}
            type="text"
            value={name}
            onChange={(e) => setName(e.target.value)}
            aria-invalid={nameProblem}
            aria-describedby={`${ids}-reason`}
            autoComplete="off"
            spellCheck={false}
          />
        </div>
        <button
          type="submit"
          className="primary"
          disabled={!canSave || busy || !check.ok}
          aria-describedby={`${ids}-reason`}
          data-testid="save-models"
        >
          {replaces ? 'Replace saved' : 'Save in this browser'}
        </button>
        <button
          type="button"
          className="secondary"
          disabled={!canSave || busy}
          onClick={onDownload}
          data-testid="download-models"
        >
          Download file
        </button>
        <label className={`saved-models-file${busy ? ' disabled' : ''}`}>
          Load from file…
          <input
            type="file"
            accept=".json,application/json"
            className="visually-hidden"
            disabled={busy}
            onChange={pickFile}
            data-testid="load-model-file"
          />
        </label>
      </form>
      <p id={`${ids}-reason`} className={nameProblem ? 'field-error saved-models-reason' : 'hint saved-models-reason'}>
        {reason}
      </p>

      {entries.length === 0 ? (
        <p className="hint">{EMPTY_LIST}</p>
      ) : (
        <ul className="saved-list" aria-label="Nets saved in this browser">
          {entries.map((entry) => (
            <SavedEntry key={entry.name} entry={entry} busy={busy} onLoad={onLoad} onDelete={onDelete} />
          ))}
        </ul>
      )}

      <p
        className={status?.error ? 'saved-models-status error' : 'saved-models-status'}
        aria-live="polite"
        data-testid="models-status"
      >
        {status?.text ?? ''}
      </p>
    </section>
  );
}
