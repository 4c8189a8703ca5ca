// One group of the settings form (Training, Network, BatchNorm, Experiment) as a fieldset. A collapsible group sits in
// a <details> whose summary says what it holds; it opens by itself when one of its fields is refused.
import { useEffect, useState, type ReactNode } from 'react';
import type { FieldGroup } from '../../shared/configFields';

interface Props {
  group: FieldGroup;
  /** The group's title for what the form trains (groupLabel). */
  label: string;
  /** Collapsed by default, behind a one-line summary. */
  collapsible: boolean;
  summary: string;
  hasError: boolean;
  children: ReactNode;
}

export function SettingsGroup({ group, label, collapsible, summary, hasError, children }: Props) {
  const [open, setOpen] = useState(hasError);
  // A refused value must be visible: open the group when an error appears (the user may close it again).
  useEffect(() => {
    if (hasError) setOpen(true);
  }, [hasError]);

  const fieldset = (
    <fieldset className="settings-group" data-group={collapsible ? undefined : group}>
      <legend className={collapsible ? 'visually-hidden' : undefined}>{label}</legend>
      <div className="settings-grid">{children}</div>
    </fieldset>
  );
  if (!collapsible) return fieldset;
  return (
    <details
      className="settings-details"
      data-group={group}
      open={open}
      onToggle={(e) => setOpen(e.currentTarget.open)}
    >
      <summary>
        <span className="group-title">{label}</span>
        {open ? null : <span className="group-summary">{summary}</span>}
        {hasError ? <span className="group-error"> — has a refused value</span> : null}
      </summary>
      {fieldset}
    </details>
  );
}
