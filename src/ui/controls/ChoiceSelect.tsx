// A setting with a few named choices (optimizer, activation, init, BN position, nets, x-axis): a select.
import { describedBy, fieldId, FieldShell, isDisabled, type FieldProps } from './FieldShell';

export function ChoiceSelect(props: FieldProps<'choice'>) {
  const { spec, text, error, inapplicable, onChange } = props;
  const id = fieldId(spec.key);
  const known = spec.options.some((o) => o.value === text);
  return (
    <FieldShell id={id} label={spec.label} hint={spec.hint} error={error} inapplicable={inapplicable}>
      <select
        id={id}
        name={spec.url}
        value={text}
        disabled={isDisabled(props)}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, error)}
        onChange={(e) => onChange(e.target.value)}
      >
        {/* Only a value from outside the form could be unknown; show it rather than silently show another. */}
        {known ? null : <option value={text}>{text || '(none)'}</option>}
        {spec.options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </FieldShell>
  );
}
