// How a setting is read from text and written as text, and why a value is refused: the rules behind the field table
// (configFields.ts) for the URL, the settings form and the worker's check. Dependency-free.
import { BACKEND_NAMES, MAX_HIDDEN_LAYERS, type BackendChoice } from './config';
import type { FieldSpec, Parsed } from './configFields';

/** A value from a link or a saved run, as text for a message (it may be anything, even an object with a cycle). */
function shown(value: unknown): string {
  if (typeof value === 'object' && value !== null) return Array.isArray(value) ? 'a list' : 'an object';
  return typeof value === 'function' ? 'a function' : String(value);
}

/** A range limit as a user would type it: "60,000", "0.00001" (toLocaleString would round fractions to 3 digits). */
export function formatLimit(n: number): string {
  return Number.isInteger(n) ? n.toLocaleString('en-US') : String(n);
}

/** Plain decimal notation with an optional exponent: what people type and what String(number) writes. */
const NUMBER_TEXT = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;
/** "60,000" as the hints write it. */
const GROUPED_THOUSANDS = /^\d{1,3}(,\d{3})+$/;

/** A setting typed as text. Stricter than Number(), which would read blank text as 0 and "0x20" as 32. */
export function parseNumberText(text: string): number {
  const trimmed = text.trim();
  const plain = GROUPED_THOUSANDS.test(trimmed) ? trimmed.replace(/,/g, '') : trimmed;
  return NUMBER_TEXT.test(plain) ? Number(plain) : Number.NaN;
}

/** A list item as a number, or the item itself, so the message can quote what was typed ("got abc", not "got NaN"). */
function listItem(text: string): number | string {
  const n = parseNumberText(text);
  return Number.isNaN(n) ? text : n;
}

const FLAG_TEXT: Record<string, boolean> = {
  '1': true,
  true: true,
  on: true,
  yes: true,
  '0': false,
  false: false,
  off: false,
  no: false,
};

/** Why a value is refused by its field, or null. Takes unknown: the worker checks messages it did not build. */
export function checkValue(spec: FieldSpec, value: unknown): string | null {
  switch (spec.kind) {
    case 'number':
      if (typeof value !== 'number' || !Number.isFinite(value)) return `${spec.label} must be a number.`;
      if (spec.integer && !Number.isInteger(value)) return `${spec.label} must be a whole number.`;
      if (value < spec.min || value > spec.max)
        return `${spec.label} must be between ${formatLimit(spec.min)} and ${formatLimit(spec.max)}.`;
      return null;
    case 'choice':
      return typeof value === 'string' && spec.options.some((o) => o.value === value)
        ? null
        : `${spec.label} must be one of ${spec.options.map((o) => o.value).join(', ')}.`;
    case 'flag':
      return typeof value === 'boolean' ? null : `${spec.label} must be on or off.`;
    case 'widths': {
      if (!Array.isArray(value) || value.length < 1 || value.length > spec.maxCount) {
        return `${spec.label} must list 1 to ${spec.maxCount} widths.`;
      }
      const bad = (value as unknown[]).find(
        (w) => typeof w !== 'number' || !Number.isInteger(w) || w < spec.min || w > spec.max,
      );
      return bad === undefined
        ? null
        : `Each layer width must be a whole number from ${spec.min} to ${formatLimit(spec.max)} (got ${shown(bad)}).`;
    }
    case 'layerSet': {
      if (value === 'all') return null;
      if (!Array.isArray(value) || value.length === 0)
        return `${spec.label} must be "all" or at least one layer number.`;
      const bad = (value as unknown[]).find(
        (n) => typeof n !== 'number' || !Number.isInteger(n) || n < 1 || n > MAX_HIDDEN_LAYERS,
      );
      if (bad !== undefined)
        return `${spec.label}: ${shown(bad)} is not a hidden layer number (1–${MAX_HIDDEN_LAYERS}).`;
      return new Set(value).size === value.length ? null : `${spec.label} lists a layer twice.`;
    }
    case 'choiceSet': {
      const names = spec.options.map((o) => o.value);
      if (!Array.isArray(value) || value.length === 0)
        return `${spec.label} must list at least one of ${names.join(', ')}.`;
      const list = value as unknown[];
      const bad = list.find((v) => typeof v !== 'string' || !names.includes(v));
      if (bad !== undefined) return `${spec.label}: ${shown(bad)} is not one of ${names.join(', ')}.`;
      const twice = list.find((v, i) => list.indexOf(v) !== i);
      return twice === undefined ? null : `${spec.label} lists ${shown(twice)} twice.`;
    }
  }
}

/** Reads a field from text (the URL's or the form's); the value is checked as well as parsed. */
export function parseField(spec: FieldSpec, text: string): Parsed {
  const value = readText(spec, text.trim());
  if (value === undefined) return { ok: false, message: notReadable(spec) };
  const message = checkValue(spec, value);
  return message === null ? { ok: true, value } : { ok: false, message };
}

function readText(spec: FieldSpec, text: string): unknown {
  switch (spec.kind) {
    case 'number':
      return parseNumberText(text);
    case 'choice':
      return text.toLowerCase();
    case 'flag':
      return FLAG_TEXT[text.toLowerCase()];
    case 'widths':
      return text
        .split(/[\s,x×]+/)
        .filter((s) => s !== '')
        .map(listItem);
    case 'layerSet':
      if (text.toLowerCase() === 'all') return 'all';
      return text
        .split(/[\s,]+/)
        .filter((s) => s !== '')
        .map(listItem);
    case 'choiceSet': {
      const items = text
        .toLowerCase()
        .split(/[\s,]+/)
        .filter((s) => s !== '');
      // Written in the options' order, so "batch,none" and "none,batch" are one link and one figure order.
      const order = spec.options.map((o) => o.value);
      return [...items].sort((a, b) => rank(order, a) - rank(order, b));
    }
  }
}

/** An item's place among the options; unknown items go last (and are then refused with their own text). */
function rank(order: readonly string[], item: string): number {
  const i = order.indexOf(item);
  return i < 0 ? order.length : i;
}

function notReadable(spec: FieldSpec): string {
  return spec.kind === 'flag' ? `${spec.label} must be on or off (1 or 0).` : `${spec.label} could not be read.`;
}

/** A value as text: what the URL holds and the form shows. */
export function formatField(spec: FieldSpec, value: unknown): string {
  if (spec.kind === 'flag') return value ? '1' : '0';
  if (Array.isArray(value)) return value.join(',');
  return String(value);
}

export function isBackendChoice(value: string): value is BackendChoice {
  return value === 'auto' || (BACKEND_NAMES as readonly string[]).includes(value);
}
