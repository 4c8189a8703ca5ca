// The compact settings form: the run's numbers (checked as typed) and the backend. Edits go to the URL at once;
// during a run they are kept for the next one.
import { NUMERIC_FIELDS, type NumericKey } from '../shared/config';
import { BackendSelect } from './BackendSelect';
import { NumericInput } from './NumericInput';
import type { FieldErrors, SettingsDraft } from './settings';

interface Props {
  draft: SettingsDraft;
  errors: FieldErrors;
  running: boolean;
  onEdit: (key: NumericKey, text: string) => void;
}

export function SettingsPanel({ draft, errors, running, onEdit }: Props) {
  return (
    <section className="card settings" aria-labelledby="settings-heading">
      <div className="section-head">
        <h2 id="settings-heading">Settings</h2>
        {running ? <span className="tag">Changes apply to the next run</span> : null}
      </div>
      <form className="settings-grid" onSubmit={(e) => e.preventDefault()} noValidate>
        {NUMERIC_FIELDS.map((field) => (
          <NumericInput key={field.key} field={field} text={draft.text[field.key]} error={errors[field.key]} onChange={(text) => onEdit(field.key, text)} />
        ))}
        <BackendSelect value={draft.backend} disabled={running} />
      </form>
    </section>
  );
}
