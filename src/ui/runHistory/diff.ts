// What differed between an earlier run and the current one, in the settings' own short names and URL values:
// "lr 0.03 (now 0.001) · batch 64 (now 32)". Goes through the field table, so a new setting is compared for free.
import type { TrainConfig } from '../../shared/config';
import { FIELDS, type FieldKey, type FieldSpec } from '../../shared/configFields';
import { formatField } from '../../shared/fieldText';

/**
 * Settings that do not change what a run computes: the backend (same maths, another engine) and the x-axis (the
 * same curves drawn against steps instead of epochs, and earlier runs are redrawn on the current axis anyway).
 */
const NOT_COMPARED: ReadonlySet<FieldKey> = new Set<FieldKey>(['backend', 'xAxis']);

export interface Difference {
  key: FieldKey;
  /** The setting's URL key, the name users see in links: "lr", "batch". */
  name: string;
  then: string;
  now: string;
}

function valueText(spec: FieldSpec, value: unknown): string {
  if (spec.kind === 'flag') return value ? 'on' : 'off';
  return formatField(spec, value);
}

export function differences(then: TrainConfig, now: TrainConfig): Difference[] {
  return FIELDS.filter((spec) => !NOT_COMPARED.has(spec.key)).flatMap((spec) => {
    const a = valueText(spec, then[spec.key]);
    const b = valueText(spec, now[spec.key]);
    return a === b ? [] : [{ key: spec.key, name: spec.url, then: a, now: b }];
  });
}

export const SAME_SETTINGS = 'same settings';

/** "lr 0.03 (now 0.001) · batch 64 (now 32)", at most `max` parts and "+2 more"; "same settings" when none. */
export function diffLabel(diffs: readonly Difference[], max = 4): string {
  if (diffs.length === 0) return SAME_SETTINGS;
  const shown = diffs.slice(0, max).map((d) => `${d.name} ${d.then} (now ${d.now})`);
  if (diffs.length > max) shown.push(`+${diffs.length - max} more`);
  return shown.join(' · ');
}

/** The legend's short form, the earlier run's values only: "lr 0.03, batch 64". */
export function shortDiffLabel(diffs: readonly Difference[], max = 2): string {
  if (diffs.length === 0) return SAME_SETTINGS;
  const shown = diffs.slice(0, max).map((d) => `${d.name} ${d.then}`);
  if (diffs.length > max) shown.push('…');
  return shown.join(', ');
}
