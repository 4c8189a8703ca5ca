// The settings form, rendered from the field table: one group per part of the experiment (Network and BatchNorm
// collapsed behind a summary); the presets are in the run bar. Edits go to the URL at once; during a run they are kept
// for the next one.
import { FIELDS, type FieldGroup, type FieldKey } from '../shared/configFields';
import { CopyLinkButton } from './controls/CopyLinkButton';
import { FieldControl } from './controls/FieldControl';
import { SettingsGroup } from './controls/SettingsGroup';
import { groupLabel, groupSummary, type FieldErrors, type SettingsDraft } from './settings';
import { countRender } from './renderCount';

/** The order on screen; the groups that only matter once you go beyond the blog's recipe start collapsed. */
const GROUPS: ReadonlyArray<{ group: FieldGroup; collapsible: boolean }> = [
  { group: 'training', collapsible: false },
  { group: 'network', collapsible: true },
  { group: 'batchnorm', collapsible: true },
  { group: 'experiment', collapsible: false },
];

interface Props {
  draft: SettingsDraft;
  errors: FieldErrors;
  /** The link to these settings, null while a field is refused. */
  link: string | null;
  running: boolean;
  onEdit: (key: FieldKey, text: string) => void;
}

export function SettingsPanel({ draft, errors, link, running, onEdit }: Props) {
  countRender('SettingsPanel');
  return (
    <section className="card settings" aria-labelledby="settings-heading">
      <div className="section-head">
        <h2 id="settings-heading">Settings</h2>
        {running ? (
          <span className="tag next-run" data-testid="next-run-tag">
            Changes apply to the next run
          </span>
        ) : null}
        <CopyLinkButton
          link={link}
          disabledReason="Fix the refused settings first: the link can only hold valid ones."
        />
      </div>
      <form className="settings-form" onSubmit={(e) => e.preventDefault()} noValidate>
        {GROUPS.map(({ group, collapsible }) => {
          const fields = FIELDS.filter((f) => f.group === group);
          return (
            <SettingsGroup
              key={group}
              group={group}
              label={groupLabel(group, draft.text)}
              collapsible={collapsible}
              summary={groupSummary(group, draft.text)}
              hasError={fields.some((f) => errors[f.key] !== undefined)}
            >
              {fields.map((spec) => (
                <FieldControl
                  key={spec.key}
                  spec={spec}
                  texts={draft.text}
                  errors={errors}
                  running={running}
                  onEdit={onEdit}
                />
              ))}
            </SettingsGroup>
          );
        })}
      </form>
    </section>
  );
}
