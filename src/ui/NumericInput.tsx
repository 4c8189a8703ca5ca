// One numeric setting: the typed text (kept as typed), its range and meaning, why a value is refused, and for
// log-scale fields (learning rate, ε) a slider that moves by decades and writes round values.
import { DEFAULT_CONFIG } from '../shared/config';
import { describedBy, fieldId, FieldShell, isDisabled, type FieldProps } from './controls/FieldShell';
import { LOG_STEP, logPosition, rangeHint, valueAtLogPosition } from './settings';

export function NumericInput(props: FieldProps<'number'>) {
  const { spec, text, error, inapplicable, onChange } = props;
  const id = fieldId(spec.key);
  const disabled = isDisabled(props);
  const fallback = DEFAULT_CONFIG[spec.key];
  return (
    <FieldShell
      id={id}
      label={spec.label}
      hint={`${rangeHint(spec)} · ${spec.hint}`}
      error={error}
      inapplicable={inapplicable}
    >
      <div className={spec.log ? 'number-with-slider' : undefined}>
        <input
          id={id}
          name={spec.url}
          type="text"
          inputMode={spec.integer ? 'numeric' : 'decimal'}
          autoComplete="off"
          spellCheck={false}
          value={text}
          disabled={disabled}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy(id, error)}
          onChange={(e) => onChange(e.target.value)}
        />
        {spec.log ? (
          <input
            id={`${id}-slider`}
            type="range"
            className="log-slider"
            aria-label={`${spec.label} on a log scale`}
            aria-valuetext={text}
            min={Math.log10(spec.min)}
            max={Math.log10(spec.max)}
            step={LOG_STEP}
            value={logPosition(text, spec, typeof fallback === 'number' ? fallback : spec.min)}
            disabled={disabled}
            onChange={(e) => onChange(valueAtLogPosition(Number(e.target.value)))}
          />
        ) : null}
      </div>
    </FieldShell>
  );
}
