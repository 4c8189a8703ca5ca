// The hover readout's words: for the points under the cursor, each normalized net's difference from the plain net at
// the same x, per kind of curve ("With BN − No BN (validation): +0.0123"). Pure; the tooltip handler draws it (chartTooltip.ts).
import { NET_IDS, type NetId } from '../../shared/metrics';
import { NET_SHORT_NAMES } from '../../shared/netNames';
import type { DatasetRole } from './datasets';

export interface ReadoutItem {
  net: NetId | undefined;
  role: DatasetRole | undefined;
  value: number;
}

/** The curves whose nets are compared, in the order their lines are listed. */
const COMPARED: ReadonlyArray<{ role: DatasetRole; words: string }> = [
  { role: 'train', words: 'training' },
  { role: 'validation', words: 'validation' },
  { role: 'running', words: 'running mean' },
];

/** "+0.0123", "−0.0104" (a true minus sign), "0.0000". */
export function signed(value: number, digits = 4): string {
  const text = Math.abs(value).toFixed(digits);
  if (Number(text) === 0) return text;
  return `${value > 0 ? '+' : '\u2212'}${text}`;
}

/** One line per normalized net and kind of curve on which it and the plain net have a finite value at this x. */
export function differenceLines(items: readonly ReadoutItem[]): string[] {
  const lines: string[] = [];
  const present = COMPARED.filter(({ role }) => items.some((i) => i.role === role));
  for (const net of NET_IDS) {
    if (net === 'plain') continue;
    for (const { role, words } of present) {
      const ours = items.find((i) => i.role === role && i.net === net);
      const plain = items.find((i) => i.role === role && i.net === 'plain');
      if (!ours || !plain || !Number.isFinite(ours.value) || !Number.isFinite(plain.value)) continue;
      const label = `${NET_SHORT_NAMES[net]} \u2212 ${NET_SHORT_NAMES.plain}`;
      lines.push(`${present.length > 1 ? `${label} (${words})` : label}: ${signed(ours.value - plain.value)}`);
    }
  }
  return lines;
}
