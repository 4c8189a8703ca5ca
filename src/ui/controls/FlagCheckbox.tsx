// An on/off setting (bias before BN, learnable γ and β): a checkbox whose text form is 1 or 0.
import { describedBy, fieldId, FieldShell, isDisabled, type FieldProps } from './FieldShell';

const ON = new Set(['1', 'true', 'on', 'yes']);

export function FlagCheckbox(props: FieldProps<'flag'>) {
  const { spec, text, error, inapplicable, onChange } = props;
  const id = fieldId(spec.key);
  return (
    <FieldShell id={id} label={spec.label} hint={spec.hint} error={error} inapplicable={inapplicable} inline>
      <input
        id={id}
        name={spec.url}
        type="checkbox"
        checked={ON.has(text.trim().toLowerCase())}
        disabled={isDisabled(props)}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, error)}
        onChange={(e) => onChange(e.target.checked ? '1' : '0')}
      />
    </FieldShell>
  );
}
