// Both nets in one file and back: export through TF.js's save handler, import by rebuilding each net from the saved
// settings and checking the saved weights against it before setting them. Imports TF.js only (no DOM, no React).
import * as tf from '@tensorflow/tfjs';
import { NET_IDS, type NetId } from '../shared/metrics';
import type { SavedModelsInfo, SomeNets } from '../shared/protocol';
import type { TrainConfig } from '../shared/config';
import { IMAGE_SIDE, NUM_CLASSES } from '../data/idx';
import { buildNet } from './models';
import {
  base64Length,
  BUNDLE_FORMAT,
  BUNDLE_VERSION,
  fromBase64,
  ModelFileError,
  NET_LABELS,
  parseBundle,
  toBase64,
  type ModelBundle,
  type NetArtifacts,
  type ParsedBundle,
} from './bundleFormat';

export { ModelFileError, type ModelFileErrorCode } from './bundleFormat';

export interface WeightsArtifacts {
  modelTopology: object;
  weightSpecs: tf.io.WeightsManifestEntry[];
  weightData: ArrayBuffer;
}

/** A model's topology, weight specs and weight bytes, as TF.js's own `save` produces them (no optimizer state). */
export async function modelWeightsArtifacts(model: tf.LayersModel): Promise<WeightsArtifacts> {
  let saved: WeightsArtifacts | null = null;
  await model.save(
    tf.io.withSaveHandler(async (artifacts) => {
      const { modelTopology, weightSpecs, weightData } = artifacts;
      if (!modelTopology || modelTopology instanceof ArrayBuffer || !weightSpecs || !weightData) {
        throw new Error('TF.js saved the model without its topology or weights.');
      }
      // Several shards would be joined anyway: the file holds one buffer per net.
      saved = { modelTopology, weightSpecs, weightData: tf.io.CompositeArrayBuffer.join(weightData) };
      return {
        modelArtifactsInfo: {
          dateSaved: new Date(),
          modelTopologyType: 'JSON',
          weightDataBytes: saved.weightData.byteLength,
        },
      };
    }),
  );
  if (saved === null) throw new Error('TF.js did not hand over the saved model.');
  return saved;
}

/** Both nets (or the one present) and their description as one UTF-8 JSON file. */
export async function exportBundle(models: SomeNets<tf.LayersModel>, info: SavedModelsInfo): Promise<Uint8Array> {
  const nets: SomeNets<NetArtifacts> = {};
  for (const net of NET_IDS) {
    const model = models[net];
    if (model === undefined) continue;
    const { modelTopology, weightSpecs, weightData } = await modelWeightsArtifacts(model);
    nets[net] = { modelTopology, weightSpecs, weightData: toBase64(new Uint8Array(weightData)) };
  }
  if (Object.keys(nets).length === 0) throw new ModelFileError('no-nets', 'There are no nets to save.');
  const bundle: ModelBundle = { format: BUNDLE_FORMAT, version: BUNDLE_VERSION, info, nets };
  return new TextEncoder().encode(JSON.stringify(bundle));
}

const shapeText = (shape: readonly (number | null)[]): string =>
  `[${shape.map((d) => (d === null ? 'null' : String(d))).join(', ')}]`;

function sameShape(a: readonly (number | null)[], b: readonly (number | null)[]): boolean {
  return a.length === b.length && a.every((d, i) => d === b[i]);
}

/** The built net takes 28×28 images and gives 10 probabilities: what prediction and inspection rely on. */
function checkInputOutput(net: NetId, model: tf.Sequential): void {
  const input = model.inputs[0]?.shape ?? [];
  const output = model.outputs[0]?.shape ?? [];
  if (!sameShape(input, [null, IMAGE_SIDE, IMAGE_SIDE]) || !sameShape(output, [null, NUM_CLASSES])) {
    throw new ModelFileError(
      'wrong-shape',
      `The ${NET_LABELS[net]} takes ${shapeText(input)} and gives ${shapeText(output)}; this app needs [null, 28, 28] → [null, 10].`,
    );
  }
}

/** The saved layers, by class and name, are the rebuilt net's: an activation or BN placement the settings do not say is refused. */
function checkTopology(net: NetId, model: tf.Sequential, topology: Record<string, unknown>): void {
  const mismatch = (what: string): ModelFileError =>
    new ModelFileError('wrong-shape', `The ${NET_LABELS[net]}'s layers do not match its settings: ${what}`);
  const config = topology.config;
  const layers = typeof config === 'object' && config !== null && 'layers' in config ? config.layers : undefined;
  if (topology.class_name !== 'Sequential' || !Array.isArray(layers)) throw mismatch('it is not a sequential model.');
  const saved = layers.map((layer: unknown) => {
    const record = typeof layer === 'object' && layer !== null ? (layer as Record<string, unknown>) : {};
    const inner =
      typeof record.config === 'object' && record.config !== null ? (record.config as Record<string, unknown>) : {};
    return `${String(record.class_name)} '${String(inner.name)}'`;
  });
  const expected = model.layers.map((layer) => `${layer.getClassName()} '${layer.name}'`);
  if (saved.length !== expected.length) throw mismatch(`expected ${expected.length} layers, found ${saved.length}.`);
  const at = expected.findIndex((e, i) => saved[i] !== e);
  if (at >= 0) throw mismatch(`layer ${at + 1} should be ${expected[at] ?? ''}, found ${saved[at] ?? ''}.`);
}

function isSpec(value: unknown): value is tf.io.WeightsManifestEntry {
  if (typeof value !== 'object' || value === null) return false;
  const spec = value as Record<string, unknown>;
  return (
    typeof spec.name === 'string' &&
    typeof spec.dtype === 'string' &&
    Array.isArray(spec.shape) &&
    spec.shape.every((d) => Number.isInteger(d) && (d as number) >= 0)
  );
}

/** Every saved weight is one of the rebuilt net's, with its shape and dtype, and none is missing; returns the specs. */
function checkSpecs(net: NetId, model: tf.Sequential, specs: unknown[]): tf.io.WeightsManifestEntry[] {
  const mismatch = (what: string): ModelFileError =>
    new ModelFileError('wrong-shape', `The ${NET_LABELS[net]}'s weights do not match its settings: ${what}`);
  const weights = model.weights;
  if (specs.length !== weights.length)
    throw mismatch(`expected ${weights.length} weight tensors, found ${specs.length}.`);
  const checked: tf.io.WeightsManifestEntry[] = [];
  for (const spec of specs) {
    if (!isSpec(spec))
      throw new ModelFileError(
        'bad-weights',
        `The ${NET_LABELS[net]}'s weight list is damaged: an entry has no name, shape or dtype.`,
      );
    const weight = weights.find((w) => w.originalName === spec.name);
    if (weight === undefined) throw mismatch(`the file has a weight '${spec.name}' the net does not.`);
    if (!sameShape(spec.shape, weight.shape))
      throw mismatch(`'${spec.name}' should be ${shapeText(weight.shape)}, found ${shapeText(spec.shape)}.`);
    if (spec.dtype !== 'float32' || spec.quantization !== undefined) {
      throw new ModelFileError(
        'bad-weights',
        `The ${NET_LABELS[net]}'s weight '${spec.name}' is stored as ${spec.quantization?.dtype ?? spec.dtype}; this app reads float32 weights.`,
      );
    }
    if (checked.some((c) => c.name === spec.name)) throw mismatch(`'${spec.name}' appears twice.`);
    checked.push(spec);
  }
  return checked;
}

/** The weight bytes, exactly as many as the specs say, all finite. */
function decodeWeightData(net: NetId, specs: tf.io.WeightsManifestEntry[], base64: string): ArrayBuffer {
  const damaged = (what: string): ModelFileError =>
    new ModelFileError('bad-weights', `The ${NET_LABELS[net]}'s weights are damaged: ${what}`);
  const expected = specs.reduce((n, s) => n + s.shape.reduce((a, b) => a * b, 1) * 4, 0);
  const found = base64Length(base64);
  if (found === null) throw damaged(`'weightData' is not base64 text.`);
  if (found !== expected)
    throw damaged(
      `expected ${expected.toLocaleString('en-US')} bytes of weight data, found ${found.toLocaleString('en-US')}.`,
    );
  const bytes = fromBase64(base64);
  const values = new Float32Array(bytes.buffer, bytes.byteOffset, bytes.byteLength / 4);
  if (!values.every(Number.isFinite)) throw damaged('some values are NaN or infinite.');
  return bytes.buffer;
}

/** Rebuilds one net from the settings, checks the saved weights against it and sets them; nothing is left behind on failure. */
function restoreNet(entry: ParsedBundle['nets'][number], config: TrainConfig): tf.Sequential {
  const { net } = entry;
  // Rebuilt, not deserialized: buildNet is what gives a BN layer without γ or β its constant reader (see models.ts).
  const model = buildNet(net, config, 0);
  try {
    checkInputOutput(net, model);
    checkTopology(net, model, entry.modelTopology);
    const specs = checkSpecs(net, model, entry.weightSpecs);
    const data = decodeWeightData(net, specs, entry.weightData);
    const decoded = tf.io.decodeWeights(data, specs);
    try {
      model.setWeights(
        model.weights.map((w) => {
          const value = decoded[w.originalName];
          // checkSpecs matched every weight by name, so this cannot happen; the guard satisfies the types.
          if (value === undefined)
            throw new ModelFileError(
              'wrong-shape',
              `The ${NET_LABELS[net]} has no saved value for '${w.originalName}'.`,
            );
          return value;
        }),
      );
    } finally {
      // setWeights copies into the model's variables: the decoded tensors are ours to free.
      tf.dispose(Object.values(decoded));
    }
    return model;
  } catch (e) {
    model.dispose();
    throw e;
  }
}

/**
 * Reads a file written by exportBundle (or the same bytes from storage): every check passes, or a ModelFileError
 * says what is wrong and nothing is left allocated.
 */
export async function importBundle(
  bytes: ArrayBuffer | Uint8Array,
): Promise<{ info: SavedModelsInfo; models: SomeNets<tf.Sequential> }> {
  const { info, nets } = parseBundle(bytes);
  const models: SomeNets<tf.Sequential> = {};
  try {
    for (const entry of nets) {
      models[entry.net] = restoreNet(entry, info.config);
    }
  } catch (e) {
    for (const id of NET_IDS) models[id]?.dispose();
    throw e;
  }
  return { info, models };
}
