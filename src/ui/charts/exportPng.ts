// Exports the figure as one PNG: both panels side by side on white, under a title naming the experiment and its
// settings, at the canvases' own (device-pixel) resolution.
import { FIGURE_BACKGROUND, FIGURE_TEXT } from './palette';

export interface Size {
  width: number;
  height: number;
}

export interface FigureLayout extends Size {
  /** Top-left corner of each panel, in the order given. */
  panels: { x: number; y: number }[];
  /** Space kept above the panels for the title lines. */
  header: number;
  margin: number;
}

/** CSS-pixel metrics of the header, multiplied by the device-pixel ratio when drawn. */
const TITLE_PX = 20;
const SUBTITLE_PX = 13;
const SUBTITLE_LINE = 18;
const SEPARATOR = ' · ';

/** Greedy line-filling of ' · '-separated parts, so a long run summary wraps instead of running off a narrow figure. */
export function wrapParts(parts: readonly string[], maxWidth: number, measure: (text: string) => number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const part of parts) {
    const candidate = line === '' ? part : `${line}${SEPARATOR}${part}`;
    if (line !== '' && measure(candidate) > maxWidth) {
      lines.push(line);
      line = part;
    } else {
      line = candidate;
    }
  }
  if (line !== '') lines.push(line);
  return lines;
}

/**
 * Lays panels out in one row under a header of `subtitleLines` lines; `scale` is the device-pixel ratio, so spacing
 * matches on-screen CSS.
 */
export function layoutFigure(panels: readonly Size[], scale: number, subtitleLines = 1): FigureLayout {
  const margin = Math.round(16 * scale);
  const header = Math.round((42 + SUBTITLE_LINE * subtitleLines) * scale);
  let x = margin;
  const placed: { x: number; y: number }[] = [];
  for (const p of panels) {
    placed.push({ x, y: header });
    x += p.width + margin;
  }
  const tallest = panels.reduce((h, p) => Math.max(h, p.height), 0);
  return { width: Math.max(x, 2 * margin), height: header + tallest + margin, panels: placed, header, margin };
}

export function renderFigure(
  canvases: readonly HTMLCanvasElement[],
  title: string,
  subtitle: string,
): HTMLCanvasElement {
  const first = canvases[0];
  const scale = first && first.clientWidth > 0 ? first.width / first.clientWidth : 1;
  const out = document.createElement('canvas');
  const ctx = out.getContext('2d');
  if (ctx === null) throw new Error('This browser cannot draw the figure (no 2D canvas).');
  const subtitleFont = `${Math.round(SUBTITLE_PX * scale)}px system-ui, sans-serif`;
  ctx.font = subtitleFont;
  const textWidth = layoutFigure(canvases, scale).width - 2 * Math.round(16 * scale);
  const lines = wrapParts(subtitle.split(SEPARATOR), textWidth, (text) => ctx.measureText(text).width);
  const layout = layoutFigure(canvases, scale, lines.length);
  // Resizing a canvas resets its context state, so the drawing state is set after.
  out.width = layout.width;
  out.height = layout.height;
  ctx.fillStyle = FIGURE_BACKGROUND;
  ctx.fillRect(0, 0, out.width, out.height);
  ctx.fillStyle = FIGURE_TEXT;
  ctx.textBaseline = 'top';
  ctx.font = `bold ${Math.round(TITLE_PX * scale)}px system-ui, sans-serif`;
  ctx.fillText(title, layout.margin, Math.round(10 * scale));
  ctx.font = subtitleFont;
  lines.forEach((line, i) => ctx.fillText(line, layout.margin, Math.round((38 + SUBTITLE_LINE * i) * scale)));
  canvases.forEach((canvas, i) => {
    const at = layout.panels[i];
    if (at) ctx.drawImage(canvas, at.x, at.y);
  });
  return out;
}

export function canvasToPng(canvas: HTMLCanvasElement): Promise<Blob> {
  return new Promise((resolve, reject) => {
    canvas.toBlob(
      (blob) => (blob ? resolve(blob) : reject(new Error('The figure could not be encoded as PNG.'))),
      'image/png',
    );
  });
}
