// The settings form as typed text: what the user is editing, the config it yields when every field is valid, and the
// pure rules behind the widgets (which fields apply, BN layer checkboxes, +/− layer, the log slider). Kept as text so a
// half-typed value ("0.") is not rewritten under the user's cursor.
import { MAX_HIDDEN_LAYERS, type NetsChoice, type NormKind, type TrainConfig } from '../shared/config';
import type { NetId } from '../shared/metrics';
import { trainedNets } from '../shared/netNames';
import {
  FIELDS,
  fieldSpec,
  GROUP_LABELS,
  type FieldGroup,
  type FieldKey,
  type FieldSpec,
} from '../shared/configFields';
import { formatLimit, parseField, parseNumberText } from '../shared/fieldText';
import { configFromTexts, configToTexts, type FieldErrors, type FieldTexts } from '../shared/configText';

export interface SettingsDraft {
  /** Every setting as the form shows it, the backend included. */
  text: FieldTexts;
}

export type { FieldErrors };

export function draftFromConfig(config: TrainConfig): SettingsDraft {
  return { text: configToTexts(config) };
}

/** The config the draft describes, or null with a reason per invalid field. */
export function readDraft(draft: SettingsDraft): { config: TrainConfig | null; errors: FieldErrors } {
  return configFromTexts(draft.text);
}

/** "1–100", "0.00001–1", "100–60,000": the range as the user would type it. */
export function rangeHint(field: Pick<FieldSpec & { kind: 'number' }, 'min' | 'max'>): string {
  return `${formatLimit(field.min)}–${formatLimit(field.max)}`;
}

/** Settings of BatchNorm alone; the other BN fields (layers, position, ε, γ, β) apply to every normalization. */
const BN_ONLY: readonly FieldKey[] = ['denseBias', 'bnMomentum', 'bnImpl'];

/** The nets the form would train, or null while its nets or norms text is refused. */
function formNets(text: FieldTexts): readonly NetId[] | null {
  const nets = parseField(fieldSpec('nets'), text.nets);
  const norms = parseField(fieldSpec('norms'), text.norms);
  if (!nets.ok || !norms.ok) return null;
  // Both passed their field's check, which is what makes these the config's types.
  return trainedNets({ nets: nets.value as NetsChoice, norms: norms.value as NormKind[] });
}

/** Why a field has no effect given the rest of the form, or null when it matters. */
export function inapplicableReason(key: FieldKey, text: FieldTexts): string | null {
  const spec = fieldSpec(key);
  const nets = formNets(text);
  const plainOnly = nets !== null && nets.length === 1 && nets[0] === 'plain';
  if ((spec.group === 'batchnorm' || key === 'denseBias') && plainOnly) return 'Not used: only the plain net trains.';
  if (nets !== null && key === 'groups' && !nets.includes('gn')) return 'Not used: no GroupNorm net trains.';
  if (nets !== null && BN_ONLY.includes(key) && !nets.includes('bn')) return 'Not used: no BN net trains.';
  // models.ts drops the bias only on a Dense whose output goes straight into BN.
  if (key === 'denseBias' && text.bnPlace.trim().toLowerCase() === 'after') {
    return 'Not used: with BN after the activation, no Dense layer feeds BN directly.';
  }
  return null;
}

const WIDTH_SEPARATORS = /[\s,x×]+/;

/** How many hidden layers the widths text lists, even half typed, so the BN checkboxes follow the typing. */
export function layerCount(widthsText: string): number {
  const items = widthsText.split(WIDTH_SEPARATORS).filter((s) => s !== '').length;
  return Math.min(Math.max(items, 1), MAX_HIDDEN_LAYERS);
}

/** The hidden layers (1-based) the BN text names; "all" names every one of `count`. */
function bnLayersOf(bnText: string, count: number): number[] {
  if (bnText.trim().toLowerCase() === 'all') return Array.from({ length: count }, (_, i) => i + 1);
  return bnText
    .split(/[\s,]+/)
    .map(Number)
    .filter((n) => Number.isInteger(n) && n >= 1);
}

export function isBnLayerChecked(bnText: string, layer: number, count: number): boolean {
  return bnLayersOf(bnText, count).includes(layer);
}

/**
 * The BN text after ticking or clearing one layer's checkbox. Every layer ticked is "all" (so a layer added later
 * gets BN too, and the form still matches a preset); layers beyond `count` are dropped, which is how the checkboxes
 * fix a "no layer 3" error.
 */
export function bnTextWithLayer(bnText: string, layer: number, on: boolean, count: number): string {
  const set = new Set(bnLayersOf(bnText, count).filter((n) => n <= count));
  if (on) set.add(layer);
  else set.delete(layer);
  if (set.size === count) return 'all';
  return [...set].sort((a, b) => a - b).join(',');
}

/** The BN text once the net has only `count` layers (after −): layers that no longer exist are dropped. */
export function bnTextWithin(bnText: string, count: number): string {
  if (bnText.trim().toLowerCase() === 'all') return bnText;
  const kept = bnLayersOf(bnText, Number.POSITIVE_INFINITY).filter((n) => n <= count);
  // Nothing left: keep the text, so its error names the missing layer rather than an empty set.
  return kept.length === 0 ? bnText : kept.join(',');
}

function widthsOf(text: string): number[] | null {
  const parsed = parseField(fieldSpec('layers'), text);
  return parsed.ok && Array.isArray(parsed.value)
    ? parsed.value.filter((w): w is number => typeof w === 'number')
    : null;
}

/** The widths text with one more layer (as wide as the last), or null when the text is invalid or already full. */
export function widthsWithLayerAdded(text: string): string | null {
  const widths = widthsOf(text);
  const last = widths?.[widths.length - 1];
  if (!widths || last === undefined || widths.length >= MAX_HIDDEN_LAYERS) return null;
  return [...widths, last].join(',');
}

/** The widths text without its last layer, or null when the text is invalid or has one layer. */
export function widthsWithLayerRemoved(text: string): string | null {
  const widths = widthsOf(text);
  if (!widths || widths.length <= 1) return null;
  return widths.slice(0, -1).join(',');
}

/** Slider steps per decade: 20, so every one-digit value (1, 2, … 9 × 10ⁿ) is reachable after rounding. */
export const LOG_STEP = 0.05;

/** Where a log-scale slider sits for the typed text: log10 of the value, clamped; `fallback` while the text is not a number. */
export function logPosition(text: string, spec: { min: number; max: number }, fallback: number): number {
  const value = parseNumberText(text);
  const v = Number.isFinite(value) && value > 0 ? value : fallback;
  return Math.min(Math.max(Math.log10(v), Math.log10(spec.min)), Math.log10(spec.max));
}

/** The value at a slider position, rounded to one significant digit ("0.003", not "0.0031622776601683794"). */
export function valueAtLogPosition(position: number): string {
  return String(Number((10 ** position).toPrecision(1)));
}

/** One line that says what a collapsed group holds: "128,64 · ReLU · Glorot (Keras) · Bias before BN on". */
/**
 * A group's title: the table's ("Network (both nets)", "BatchNorm (the BN net)"), or, when the form trains more nets
 * or other normalizations, words that fit them ("Network (all 5 nets)", "Normalization (the normalized nets)").
 */
export function groupLabel(group: FieldGroup, text: FieldTexts): string {
  const nets = formNets(text);
  if (nets === null) return GROUP_LABELS[group];
  switch (group) {
    case 'network':
      if (nets.length === 1) return 'Network';
      return nets.length === 2 ? GROUP_LABELS.network : `Network (all ${nets.length} nets)`;
    case 'batchnorm': {
      const normalized = nets.filter((net) => net !== 'plain');
      return normalized.some((net) => net !== 'bn') ? 'Normalization (the normalized nets)' : GROUP_LABELS.batchnorm;
    }
    case 'training':
    case 'experiment':
      return GROUP_LABELS[group];
  }
}

export function groupSummary(group: FieldGroup, text: FieldTexts): string {
  return FIELDS.filter((f) => f.group === group)
    .map((spec) => {
      const t = text[spec.key].trim();
      switch (spec.kind) {
        case 'choice':
          return spec.options.find((o) => o.value === t.toLowerCase())?.label ?? t;
        case 'flag': {
          const parsed = parseField(spec, t);
          return `${spec.label} ${parsed.ok ? (parsed.value ? 'on' : 'off') : t}`;
        }
        case 'widths':
          return t;
        default:
          return `${spec.label} ${t}`;
      }
    })
    .join(' · ');
}
