import { gunzipSync, gzipSync } from 'node:zlib';
import { FEATURE_VERSION } from './features';
import { LABELS, LABEL_COUNT, SequenceModel } from './sequence-model';

/**
 * The shipped weights: gzip of
 *   "NFNER" + format byte, uint32 header length, JSON header, float32 transitions,
 *   then for every row with a non-zero weight: varint gap to the previous row, LABEL_COUNT int16.
 * Weights are quantised to int16 with one scale for the whole table; rows that quantise to zero
 * are dropped, which is what keeps the file small.
 */

const MAGIC = 'NFNER';
const FORMAT = 1;
/**
 * Feature versions whose weights still fit this code when the model names no place table: v6
 * only added place features, which an empty table never fires.
 */
const OLDER_FEATURE_VERSIONS = [5];

export interface ModelHeader {
  featureVersion: number;
  bucketBits: number;
  labels: readonly string[];
  /** Weight = stored int16 × scale. */
  scale: number;
  /** Logistic calibration of the max-marginal margin into a confidence: 1 / (1 + e^-(a·m + b)). */
  confidence: { a: number; b: number };
  rows: number;
  /** File name (beside the model) of the word-class table the features were made with. */
  clusters?: string;
  /** File name (beside the model) of the list of names seen in the training data. */
  seenEntities?: string;
  /** File name (beside the model) of the place-name table (GeoNames, ISO 3166-2). */
  places?: string;
}

export interface LoadedModel {
  model: SequenceModel;
  header: ModelHeader;
}

export function serializeModel(
  model: SequenceModel,
  confidence: ModelHeader['confidence'],
  clusters?: string,
  seenEntities?: string,
  places?: string,
): Buffer {
  const L = LABEL_COUNT;
  const weights = model.weights;
  if (!(weights instanceof Float32Array)) throw new Error('only a trained (float) model can be written');
  let maxAbs = 0;
  for (const weight of weights) maxAbs = Math.max(maxAbs, Math.abs(weight));
  const scale = maxAbs > 0 ? maxAbs / 32767 : 1;
  const rowCount = weights.length / L;

  const body: number[] = [];
  let keptRows = 0;
  let previousRow = -1;
  const quantised = new Int16Array(L);
  for (let row = 0; row < rowCount; row += 1) {
    let any = false;
    for (let l = 0; l < L; l += 1) {
      const value = Math.round(weights[row * L + l] / scale);
      quantised[l] = value;
      if (value !== 0) any = true;
    }
    if (!any) continue;
    keptRows += 1;
    writeVarint(body, row - previousRow);
    previousRow = row;
    for (let l = 0; l < L; l += 1) {
      const value = quantised[l] & 0xffff;
      body.push(value & 0xff, value >> 8);
    }
  }

  const header: ModelHeader = {
    featureVersion: FEATURE_VERSION,
    bucketBits: model.bucketBits,
    labels: LABELS,
    scale,
    confidence,
    rows: keptRows,
    ...(clusters !== undefined ? { clusters } : {}),
    ...(seenEntities !== undefined ? { seenEntities } : {}),
    ...(places !== undefined ? { places } : {}),
  };
  const headerBytes = Buffer.from(JSON.stringify(header), 'utf8');
  const prefix = Buffer.alloc(MAGIC.length + 1 + 4);
  prefix.write(MAGIC, 0, 'latin1');
  prefix.writeUInt8(FORMAT, MAGIC.length);
  prefix.writeUInt32LE(headerBytes.length, MAGIC.length + 1);
  const transitions = Buffer.from(new Float32Array(model.transitions).buffer);
  return gzipSync(Buffer.concat([prefix, headerBytes, transitions, Buffer.from(body)]), { level: 9 });
}

export function deserializeModel(file: Buffer): LoadedModel {
  const data = gunzipSync(file);
  if (data.toString('latin1', 0, MAGIC.length) !== MAGIC || data.readUInt8(MAGIC.length) !== FORMAT)
    throw new Error('not a Newsflow NER model file');
  const headerLength = data.readUInt32LE(MAGIC.length + 1);
  let offset = MAGIC.length + 5;
  const header = JSON.parse(data.toString('utf8', offset, offset + headerLength)) as ModelHeader;
  offset += headerLength;
  const fits =
    header.featureVersion === FEATURE_VERSION ||
    (OLDER_FEATURE_VERSIONS.includes(header.featureVersion) && header.places === undefined);
  if (!fits)
    throw new Error(`model was trained for features v${header.featureVersion}, code has v${FEATURE_VERSION}`);
  if (header.labels.join(' ') !== LABELS.join(' ')) throw new Error('model labels do not match the code');

  const L = LABEL_COUNT;
  const transitionCount = (L + 1) * L;
  const transitions = new Float32Array(transitionCount);
  for (let index = 0; index < transitionCount; index += 1) {
    transitions[index] = data.readFloatLE(offset);
    offset += 4;
  }
  const bytes = new Uint8Array(data.buffer, data.byteOffset, data.length);
  const scale = header.scale;
  const weights = new Int16Array((1 << header.bucketBits) * L);
  let row = -1;
  for (let kept = 0; kept < header.rows; kept += 1) {
    let gap = 0;
    let shift = 0;
    for (;;) {
      const byte = bytes[offset];
      offset += 1;
      gap += (byte & 0x7f) * 2 ** shift;
      if (byte < 0x80) break;
      shift += 7;
    }
    row += gap;
    const base = row * L;
    for (let l = 0; l < L; l += 1) {
      const raw = bytes[offset] | (bytes[offset + 1] << 8);
      offset += 2;
      weights[base + l] = raw >= 0x8000 ? raw - 0x10000 : raw;
    }
  }
  if (offset !== bytes.length) throw new Error('model file has trailing bytes');
  return { model: new SequenceModel(header.bucketBits, weights, transitions, scale), header };
}

function writeVarint(out: number[], value: number): void {
  let rest = value;
  while (rest >= 0x80) {
    out.push((rest & 0x7f) | 0x80);
    rest = Math.floor(rest / 128);
  }
  out.push(rest);
}
