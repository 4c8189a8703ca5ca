// The hover readout's words: for the points under the cursor, the difference between the nets at the same x, per
// kind of curve ("With BN − No BN (validation): +0.0123"). Pure; the tooltip handler draws it (chartTooltip.ts).
import type { NetId } from '../../shared/metrics';
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

/** One line per kind of curve on which both nets have a finite value at this x. */
export function differenceLines(items: readonly ReadoutItem[]): string[] {
  const lines: string[] = [];
  const present = COMPARED.filter(({ role }) => items.some((i) => i.role === role));
  for (const { role, words } of present) {
    const bn = items.find((i) => i.role === role && i.net === 'bn');
    const plain = items.find((i) => i.role === role && i.net === 'plain');
    if (!bn || !plain || !Number.isFinite(bn.value) || !Number.isFinite(plain.value)) continue;
    const label = `${NET_SHORT_NAMES.bn} \u2212 ${NET_SHORT_NAMES.plain}`;
    lines.push(`${present.length > 1 ? `${label} (${words})` : label}: ${signed(bn.value - plain.value)}`);
  }
  return lines;
}
