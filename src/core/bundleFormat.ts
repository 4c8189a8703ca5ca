// The single-file format that holds both nets in TF.js's own terms (topology, weight specs, weight bytes as base64),
// and the checks that read one back as far as plain JSON goes. No TF.js runtime, no DOM (btoa/atob are in both).
import type * as tf from '@tensorflow/tfjs';
import { trainedNets } from '../shared/netNames';
import { NET_IDS, type NetId } from '../shared/metrics';
import { validateConfig } from '../shared/configText';
import { upgradeStoredConfig } from '../shared/storedConfig';
import { checkModelName } from '../shared/modelName';
import type { SavedModelsInfo, SomeNets } from '../shared/protocol';

export const BUNDLE_FORMAT = 'batchnorm-lab/models';
export const BUNDLE_VERSION = 1;

/** One net as TF.js's `model.save` hands it over, its weight bytes as base64 so the whole file is JSON. */
export interface NetArtifacts {
  modelTopology: object;
  weightSpecs: tf.io.WeightsManifestEntry[];
  weightData: string;
}

export interface ModelBundle {
  format: typeof BUNDLE_FORMAT;
  version: typeof BUNDLE_VERSION;
  info: SavedModelsInfo;
  nets: SomeNets<NetArtifacts>;
}

export type ModelFileErrorCode =
  'not-json' | 'not-ours' | 'version' | 'bad-info' | 'bad-config' | 'no-nets' | 'bad-weights' | 'wrong-shape';

/** A file (or stored entry) that is not a model of this app's shape; the message says what is wrong, for the user. */
export class ModelFileError extends Error {
  override readonly name = 'ModelFileError';
  constructor(
    readonly code: ModelFileErrorCode,
    message: string,
  ) {
    super(message);
  }
}

/** How messages name a net: "The BN net's weights …". */
export const NET_LABELS: Record<NetId, string> = {
  bn: 'BN net',
  plain: 'no-BN net',
  ln: 'LayerNorm net',
  gn: 'GroupNorm net',
  rms: 'RMSNorm net',
};

/**
 * A saved config as this version reads it: files saved before the BN layer could be chosen used TF.js's own, and
 * files saved before the other normalizations trained the BN net and the plain one (the `nets` choice still says
 * which of the two), with GroupNorm's default groups.
 */
function upgradeConfig(config: unknown): unknown {
  if (!isRecord(config)) return config;
  // Renamed settings first (shared/storedConfig.ts), then the ones added since.
  const out: Record<string, unknown> = upgradeStoredConfig(config);
  if (!('bnImpl' in out)) out.bnImpl = 'layers';
  if (!('norms' in out)) out.norms = ['none', 'batch'];
  if (!('groups' in out)) out.groups = 8;
  return out;
}

const NOT_OURS = 'This file is not a BatchNorm Lab model:';

// btoa/atob work on "binary strings"; chunks keep String.fromCharCode's argument list well under engine limits.
const CHUNK = 0x8000;

export function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += CHUNK) binary += String.fromCharCode(...bytes.subarray(i, i + CHUNK));
  return btoa(binary);
}

/** The number of bytes a base64 text decodes to, or null when it is not base64 (checked before decoding anything). */
export function base64Length(text: string): number | null {
  if (text.length % 4 !== 0 || !/^[A-Za-z0-9+/]*={0,2}$/.test(text)) return null;
  const padding = text.endsWith('==') ? 2 : text.endsWith('=') ? 1 : 0;
  return (text.length / 4) * 3 - padding;
}

export function fromBase64(text: string): Uint8Array<ArrayBuffer> {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function kindOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}

function parseJson(bytes: ArrayBuffer | Uint8Array): unknown {
  let text: string;
  try {
    // fatal: random bytes are refused as "not text" rather than read as replacement characters.
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new ModelFileError('not-json', `${NOT_OURS} it is not text (a model file is JSON).`);
  }
  try {
    return JSON.parse(text) as unknown;
  } catch {
    const start = text.trim().slice(0, 20);
    throw new ModelFileError('not-json', `${NOT_OURS} it is not JSON (it starts with “${start}”).`);
  }
}

function checkHeader(json: unknown): Record<string, unknown> {
  if (!isRecord(json)) throw new ModelFileError('not-ours', `${NOT_OURS} it holds ${kindOf(json)}, not an object.`);
  if (!('format' in json)) {
    const tfjs = 'modelTopology' in json || 'weightsManifest' in json;
    throw new ModelFileError(
      'not-ours',
      tfjs
        ? `${NOT_OURS} it looks like a plain TF.js model.json, which does not carry this app's settings. Use a file from “Download file”.`
        : `${NOT_OURS} it has no 'format' field.`,
    );
  }
  if (json.format !== BUNDLE_FORMAT) {
    throw new ModelFileError(
      'not-ours',
      `${NOT_OURS} its format is ${JSON.stringify(json.format)}, expected "${BUNDLE_FORMAT}".`,
    );
  }
  if (typeof json.version !== 'number') throw new ModelFileError('version', 'This model file has no version number.');
  if (json.version !== BUNDLE_VERSION) {
    throw new ModelFileError(
      'version',
      `This model file is version ${json.version}; this BatchNorm Lab reads version ${BUNDLE_VERSION}.`,
    );
  }
  return json;
}

function badInfo(what: string): ModelFileError {
  return new ModelFileError('bad-info', `The description saved with these nets is damaged: ${what}`);
}

function checkAccuracy(value: unknown): SomeNets<number> {
  if (!isRecord(value)) throw badInfo(`'valAccuracy' is ${kindOf(value)}, not an object.`);
  const accuracy: SomeNets<number> = {};
  for (const [key, v] of Object.entries(value)) {
    const net = NET_IDS.find((id) => id === key);
    if (net === undefined) throw badInfo(`'valAccuracy' names an unknown net '${key}'.`);
    if (typeof v !== 'number' || !(v >= 0 && v <= 1))
      throw badInfo(`the ${NET_LABELS[net]}'s val_accuracy is ${JSON.stringify(v)}, not a number from 0 to 1.`);
    accuracy[net] = v;
  }
  return accuracy;
}

function checkInfo(value: unknown): SavedModelsInfo {
  if (!isRecord(value)) throw badInfo(`'info' is ${kindOf(value)}, not an object.`);
  const name = checkModelName(value.name);
  if (!name.ok) throw badInfo(`its name is not usable. ${name.message}`);
  if (typeof value.savedAt !== 'string' || Number.isNaN(Date.parse(value.savedAt)))
    throw badInfo(`'savedAt' is not a date.`);
  const saved = upgradeConfig(value.config);
  const problems = validateConfig(saved);
  if (problems.length > 0) {
    const list = problems.map((p) => `${p.message} (given ${p.given})`).join(' ');
    throw new ModelFileError('bad-config', `The settings saved with these nets are not valid: ${list}`);
  }
  // validateConfig has checked every field of the config against the settings table.
  const config = saved as SavedModelsInfo['config'];
  return { name: name.name, savedAt: value.savedAt, config, valAccuracy: checkAccuracy(value.valAccuracy) };
}

function checkNetEntry(
  net: NetId,
  value: unknown,
): { modelTopology: Record<string, unknown>; weightSpecs: unknown[]; weightData: string } {
  const damaged = (what: string): ModelFileError =>
    new ModelFileError('bad-weights', `The ${NET_LABELS[net]} is damaged: ${what}`);
  if (!isRecord(value)) throw damaged(`it is ${kindOf(value)}, not an object.`);
  const { modelTopology, weightSpecs, weightData } = value;
  if (!isRecord(modelTopology)) throw damaged(`it has no 'modelTopology'.`);
  if (!Array.isArray(weightSpecs)) throw damaged(`it has no 'weightSpecs' list.`);
  if (typeof weightData !== 'string') throw damaged(`it has no 'weightData' text.`);
  return { modelTopology, weightSpecs, weightData };
}

export interface ParsedBundle {
  info: SavedModelsInfo;
  /** The nets present, in NET_IDS order, checked as JSON (their weights against the settings come later). */
  nets: Array<{ net: NetId; modelTopology: Record<string, unknown>; weightSpecs: unknown[]; weightData: string }>;
}

/** Everything that can be checked without building a model: JSON, format, version, the info and settings, which nets. */
export function parseBundle(bytes: ArrayBuffer | Uint8Array): ParsedBundle {
  const json = checkHeader(parseJson(bytes));
  const info = checkInfo(json.info);
  if (!isRecord(json.nets)) throw new ModelFileError('no-nets', 'This model file holds no nets.');
  const unknown = Object.keys(json.nets).filter((key) => !NET_IDS.some((id) => id === key));
  if (unknown.length > 0)
    throw new ModelFileError('no-nets', `This model file holds nets this app does not know: ${unknown.join(', ')}.`);
  const trained = trainedNets(info.config);
  const nets: ParsedBundle['nets'] = [];
  for (const net of NET_IDS) {
    const entry = json.nets[net];
    if (entry === undefined) continue;
    if (!trained.includes(net)) {
      const names = trained.map((id) => NET_LABELS[id]).join(', ');
      throw new ModelFileError(
        'no-nets',
        `This model file holds a ${NET_LABELS[net]}, but its settings train ${trained.length === 1 ? 'the' : 'these:'} ${names}${trained.length === 1 ? ' only' : ''}.`,
      );
    }
    nets.push({ net, ...checkNetEntry(net, entry) });
  }
  if (nets.length === 0) throw new ModelFileError('no-nets', 'This model file holds no nets.');
  return { info, nets };
}
