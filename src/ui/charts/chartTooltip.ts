// The figure's hover readout as HTML beside the canvas (Chart.js's external tooltip): every net's value at the epoch
// or step under the cursor and the difference between them. HTML rather than canvas so it can be read and tested;
// hidden from assistive technology, for which the epoch log is the figure's text alternative.
import type { Chart, TooltipItem, TooltipModel } from 'chart.js';
import { NET_IDS, type NetId } from '../../shared/metrics';
import type { DatasetRole } from './datasets';
import { NET_GLYPH } from './palette';
import { differenceLines } from './readout';

/** The nets' colours lightened for the dark readout (as the dark theme's epoch log has them). */
const ON_DARK: Record<NetId, string> = {
  bn: '#56b4e9',
  plain: '#f08a4b',
  ln: '#3fcf9f',
  gn: '#e3a3c6',
  rms: '#e8e8e8',
};

const ROLES: readonly DatasetRole[] = ['train', 'validation', 'running', 'band', 'diverged', 'earlier'];
const NETS: readonly NetId[] = NET_IDS;

function field<T extends string>(dataset: object, key: string, allowed: readonly T[]): T | undefined {
  const value: unknown = key in dataset ? (dataset as Record<string, unknown>)[key] : undefined;
  return allowed.find((a) => a === value);
}

/** The tooltip's footer: BN − plain at this x, per kind of curve. */
export function readoutFooter(items: TooltipItem<'line'>[]): string[] {
  return differenceLines(
    items.map((item) => ({
      net: field(item.dataset, 'net', NETS),
      role: field(item.dataset, 'role', ROLES),
      value: item.parsed.y ?? Number.NaN,
    })),
  );
}

function line(className: string, text: string): HTMLDivElement {
  const div = document.createElement('div');
  div.className = className;
  div.textContent = text;
  return div;
}

function tooltipElement(chart: Chart): HTMLDivElement | null {
  const host = chart.canvas.parentElement;
  if (!host) return null;
  const found = host.querySelector(':scope > .chart-tooltip');
  if (found instanceof HTMLDivElement) return found;
  const el = document.createElement('div');
  el.className = 'chart-tooltip';
  el.dataset.testid = 'chart-tooltip';
  el.setAttribute('aria-hidden', 'true');
  el.hidden = true;
  host.appendChild(el);
  return el;
}

/** Chart.js calls this instead of drawing its tooltip on the canvas. */
export function htmlTooltip({ chart, tooltip }: { chart: Chart; tooltip: TooltipModel<'line'> }): void {
  const el = tooltipElement(chart);
  if (!el) return;
  if (tooltip.opacity === 0 || tooltip.dataPoints.length === 0) {
    el.hidden = true;
    return;
  }
  const rows: HTMLElement[] = tooltip.title.map((t) => line('chart-tooltip-title', t));
  tooltip.body.forEach((body, i) => {
    // Each net by its marker glyph in its colour: told apart by shape, not colour alone.
    const item = tooltip.dataPoints[i];
    const net = item ? field(item.dataset, 'net', NETS) : undefined;
    for (const text of body.lines) {
      const row = line('chart-tooltip-line', text);
      if (net) {
        const glyph = document.createElement('span');
        glyph.className = 'chart-tooltip-glyph';
        glyph.textContent = NET_GLYPH[net];
        glyph.style.color = ON_DARK[net];
        row.prepend(glyph);
      }
      rows.push(row);
    }
  });
  for (const text of tooltip.footer) rows.push(line('chart-tooltip-footer', text));
  el.replaceChildren(...rows);
  el.hidden = false;
  // Beside the point, on the side with more room, kept inside the panel (the positioned ancestor).
  const canvas = chart.canvas;
  const host = el.parentElement;
  const x = canvas.offsetLeft + tooltip.caretX;
  const y = canvas.offsetTop + tooltip.caretY;
  const w = el.offsetWidth;
  const h = el.offsetHeight;
  const maxLeft = Math.max(0, (host?.clientWidth ?? w) - w);
  const maxTop = Math.max(0, (host?.clientHeight ?? h) - h);
  const left = tooltip.caretX > chart.width / 2 ? x - w - GAP_PX : x + GAP_PX;
  el.style.left = `${clamp(left, 0, maxLeft)}px`;
  el.style.top = `${clamp(y - h / 2, 0, maxTop)}px`;
}

const GAP_PX = 12;

function clamp(v: number, lo: number, hi: number): number {
  return Math.min(Math.max(v, lo), hi);
}
