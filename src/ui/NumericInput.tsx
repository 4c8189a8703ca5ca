// One numeric setting: its label, allowed range and meaning, and why the typed value is refused (if it is).
import type { NumericField } from '../shared/config';
import { rangeHint } from './settings';

interface Props {
  field: NumericField;
  text: string;
  error: string | undefined;
  onChange: (text: string) => void;
}

export function NumericInput({ field, text, error, onChange }: Props) {
  const id = `setting-${field.key}`;
  return (
    <div className={`field${error ? ' invalid' : ''}`}>
      <label htmlFor={id}>{field.label}</label>
      <input
        id={id}
        name={field.key}
        type="text"
        inputMode={field.integer ? 'numeric' : 'decimal'}
        autoComplete="off"
        spellCheck={false}
        value={text}
        aria-invalid={error ? true : undefined}
        aria-describedby={`${id}-hint${error ? ` ${id}-error` : ''}`}
        onChange={(e) => onChange(e.target.value)}
      />
      <small id={`${id}-hint`} className="hint">
        {rangeHint(field)} · {field.hint}
      </small>
      {error ? (
        <small id={`${id}-error`} className="field-error">
          {error}
        </small>
      ) : null}
    </div>
  );
}
