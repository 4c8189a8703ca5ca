// The hidden layers as a list of widths ("128,64"), with − and + to drop the last layer or repeat it.
import { describedBy, fieldId, FieldShell, isDisabled, type FieldProps } from './FieldShell';
import { widthsWithLayerAdded, widthsWithLayerRemoved } from '../settings';

interface Props extends FieldProps<'widths'> {
  /** − also drops BN from the removed layer, so it needs to edit two fields. */
  onRemoveLayer: (widthsText: string) => void;
}

export function WidthsInput(props: Props) {
  const { spec, text, error, inapplicable, onChange, onRemoveLayer } = props;
  const id = fieldId(spec.key);
  const disabled = isDisabled(props);
  const added = widthsWithLayerAdded(text);
  const removed = widthsWithLayerRemoved(text);
  return (
    <FieldShell
      id={id}
      label={spec.label}
      hint={`${spec.min}–${spec.max} units each · ${spec.hint}`}
      error={error}
      inapplicable={inapplicable}
      wide
    >
      <div className="widths-row">
        <input
          id={id}
          name={spec.url}
          type="text"
          autoComplete="off"
          spellCheck={false}
          value={text}
          disabled={disabled}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy(id, error)}
          onChange={(e) => onChange(e.target.value)}
        />
        <button
          type="button"
          className="secondary small"
          aria-label="Remove the last hidden layer"
          title="Remove the last hidden layer"
          disabled={disabled || removed === null}
          onClick={() => removed !== null && onRemoveLayer(removed)}
        >
          −
        </button>
        <button
          type="button"
          className="secondary small"
          aria-label="Add a hidden layer"
          title="Add a hidden layer as wide as the last"
          disabled={disabled || added === null}
          onClick={() => added !== null && onChange(added)}
        >
          +
        </button>
      </div>
    </FieldShell>
  );
}
