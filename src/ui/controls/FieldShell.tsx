// What every settings field shares: a visible label tied to its control, the hint (or why the field does not apply),
// and the reason a typed value is refused. The widgets per kind of field render their control inside it.
import type { ReactNode } from 'react';
import type { FieldKey, FieldSpec } from '../../shared/configFields';

/** Props of every field widget: its spec (narrowed to its kind), the text it shows and edits, and what is wrong. */
export interface FieldProps<K extends FieldSpec['kind']> {
  spec: Extract<FieldSpec, { kind: K }>;
  text: string;
  error: string | undefined;
  /** Why the field has no effect with the rest of the form, or null. */
  inapplicable: string | null;
  onChange: (text: string) => void;
}

export function fieldId(key: FieldKey): string {
  return `setting-${key}`;
}

/** A field that does not apply is disabled, unless its value is refused: then it must stay editable to be fixed. */
export function isDisabled(props: Pick<FieldProps<FieldSpec['kind']>, 'error' | 'inapplicable'>): boolean {
  return props.inapplicable !== null && props.error === undefined;
}

export function describedBy(id: string, error: string | undefined): string {
  return `${id}-hint${error ? ` ${id}-error` : ''}`;
}

interface ShellProps {
  id: string;
  label: string;
  hint: string;
  error: string | undefined;
  inapplicable: string | null;
  /** Checkboxes: the control first, its label beside it. */
  inline?: boolean;
  /** Takes two grid columns (a text field with buttons beside it). */
  wide?: boolean;
  /** Replaces the <label> (a group of checkboxes is labelled by aria-labelledby instead). */
  labelElement?: ReactNode;
  children: ReactNode;
}

export function FieldShell({
  id,
  label,
  hint,
  error,
  inapplicable,
  inline = false,
  wide = false,
  labelElement,
  children,
}: ShellProps) {
  const classes = [
    'field',
    error ? 'invalid' : '',
    inapplicable !== null ? 'inapplicable' : '',
    inline ? 'inline' : '',
    wide ? 'wide' : '',
  ];
  const labelNode = labelElement ?? <label htmlFor={id}>{label}</label>;
  return (
    <div className={classes.filter((c) => c !== '').join(' ')}>
      {inline ? (
        <div className="inline-control">
          {children}
          {labelNode}
        </div>
      ) : (
        <>
          {labelNode}
          {children}
        </>
      )}
      <small id={`${id}-hint`} className="hint">
        {inapplicable ?? hint}
      </small>
      {error ? (
        <small id={`${id}-error`} className="field-error">
          {error}
        </small>
      ) : null}
    </div>
  );
}
