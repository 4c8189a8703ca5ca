// Which hidden layers get BN: a checkbox per layer the widths field lists. Every box ticked is "all", so a layer
// added later gets BN too; the text form is "all" or "1,3".
import { describedBy, fieldId, FieldShell, isDisabled, type FieldProps } from './FieldShell';
import { bnTextWithLayer, isBnLayerChecked } from '../settings';

interface Props extends FieldProps<'layerSet'> {
  /** Hidden layers the net has now (from the widths being typed). */
  count: number;
}

export function LayerSetChecks(props: Props) {
  const { spec, text, error, inapplicable, onChange, count } = props;
  const id = fieldId(spec.key);
  const disabled = isDisabled(props);
  const layers = Array.from({ length: count }, (_, i) => i + 1);
  const all = text.trim().toLowerCase() === 'all';
  return (
    <FieldShell
      id={id}
      label={spec.label}
      hint={spec.hint}
      error={error}
      inapplicable={inapplicable}
      labelElement={
        <span className="label" id={`${id}-label`}>
          {spec.label}
          {all ? <span className="label-note"> (all)</span> : null}
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
        {layers.map((layer) => (
          <span key={layer} className="layer-check">
            <input
              id={`${id}-${layer}`}
              name={spec.url}
              value={layer}
              type="checkbox"
              checked={isBnLayerChecked(text, layer, count)}
              disabled={disabled}
              onChange={(e) => onChange(bnTextWithLayer(text, layer, e.target.checked, count))}
            />
            <label htmlFor={`${id}-${layer}`}>{layer}</label>
          </span>
        ))}
      </div>
    </FieldShell>
  );
}
