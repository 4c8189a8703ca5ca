// A set of choices as one checkbox each (the normalizations, one net per box); the text form is the ticked values
// in the options' order, "none,batch". Unticking the last box is refused by the field's own check, shown as usual.
import { describedBy, fieldId, FieldShell, isDisabled, type FieldProps } from './FieldShell';

function ticked(text: string): string[] {
  return text
    .toLowerCase()
    .split(/[\s,]+/)
    .filter((s) => s !== '');
}

export function ChoiceSetChecks(props: FieldProps<'choiceSet'>) {
  const { spec, text, error, inapplicable, onChange } = props;
  const id = fieldId(spec.key);
  const disabled = isDisabled(props);
  const on = ticked(text);
  const toggle = (value: string, checked: boolean): void => {
    const next = spec.options.map((o) => o.value).filter((v) => (v === value ? checked : on.includes(v)));
    onChange(next.join(','));
  };
  return (
    <FieldShell
      id={id}
      label={spec.label}
      hint={spec.hint}
      error={error}
      inapplicable={inapplicable}
      wide
      labelElement={
        <span className="label" id={`${id}-label`}>
          {spec.label}
        </span>
      }
    >
      <div
        id={id}
        role="group"
        className="layer-checks"
        aria-labelledby={`${id}-label`}
        aria-describedby={describedBy(id, error)}
        aria-invalid={error ? true : undefined}
        data-value={text}
      >
        {spec.options.map((option) => (
          <span key={option.value} className="layer-check">
            <input
              id={`${id}-${option.value}`}
              name={spec.url}
              value={option.value}
              type="checkbox"
              checked={on.includes(option.value)}
              disabled={disabled}
              onChange={(e) => toggle(option.value, e.target.checked)}
            />
            <label htmlFor={`${id}-${option.value}`}>{option.label}</label>
          </span>
        ))}
      </div>
    </FieldShell>
  );
}
