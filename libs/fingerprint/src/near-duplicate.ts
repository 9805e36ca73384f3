import { fmix32, normalizedWords, shingleHashes } from './text-features';

/**
 * A 64-bit SimHash of an article's text plus the keys a store indexes to find its near-duplicates
 * by equality lookups.
 */
export interface Fingerprint {
  /** 64-bit SimHash, 16 lower-case hex characters, most significant bit first. */
  simhash: string;
  /** LSH keys (`"<scheme+band>:<hex>"`): a near-duplicate candidate shares at least one. */
  bands: string[];
}

/**
 * How band keys are made.
 * - `minhash`: one-permutation MinHash over the same shingles (`bands × rowsPerBand` bins), each
 *   key a hash of one band's rows. A pair with shingle Jaccard J shares a key with probability
 *   1 − (1 − J^rows)^bands: a tunable S-curve, independent of the 64-bit SimHash's resolution.
 * - `simhash-blocks`: the SimHash cut into `blocks` equal runs of bits, every combination of
 *   `blocksPerBand` runs one key. Pigeonhole: SimHashes within Hamming distance
 *   `blocks − blocksPerBand` always share a key — but edited copies sit further apart than a
 *   64-bit key can cover selectively (see the README), so this is kept for the comparison only.
 */
export type BandScheme =
  | { kind: 'minhash'; bands: number; rowsPerBand: number }
  | { kind: 'simhash-blocks'; blocks: number; blocksPerBand: number };

export interface FingerprintOptions {
  /** Words per shingle. */
  shingleSize: number;
  /**
   * The shingle starting at word p weighs `1 / (1 + p / positionHalfLife)` in the SimHash; 0 weighs
   * all alike. Wire copy is cut from the bottom, so the lead may deserve to decide more than the tail.
   */
  positionHalfLife: number;
  bands: BandScheme;
}

/**
 * Chosen with the labelled evaluation (`npm run eval:near-dup`, numbers in the README). Stored
 * fingerprints depend on every value here and on the hashing: changing any of them means
 * re-fingerprinting what is stored.
 */
export const DEFAULT_FINGERPRINT_OPTIONS: Readonly<FingerprintOptions> = {
  shingleSize: 3,
  positionHalfLife: 0,
  bands: { kind: 'minhash', bands: 20, rowsPerBand: 2 },
};

/** Hamming distance at or below which two SimHashes are the same story (tuned by the evaluation). */
export const NEAR_DUPLICATE_MAX_DISTANCE = 17;

const SIMHASH_BITS = 64;

export function fingerprintOf(text: string): Fingerprint {
  return fingerprintWith(text, DEFAULT_FINGERPRINT_OPTIONS);
}

export function fingerprintWith(text: string, options: Readonly<FingerprintOptions>): Fingerprint {
  const { high, low } = shingleHashes(normalizedWords(text), options.shingleSize);
  const simhash = simhashOf(high, low, options.positionHalfLife);
  const scheme = options.bands;
  switch (scheme.kind) {
    case 'minhash':
      return { simhash, bands: minhashBands(high, low, scheme.bands, scheme.rowsPerBand) };
    case 'simhash-blocks':
      return { simhash, bands: simhashBlockBands(simhash, scheme.blocks, scheme.blocksPerBand) };
  }
}

/** 1 − Hamming distance / 64: 1 for identical SimHashes, about 0.5 for unrelated texts. */
export function similarity(a: Fingerprint, b: Fingerprint): number {
  return 1 - hammingDistance(a.simhash, b.simhash) / SIMHASH_BITS;
}

export function isNearDuplicate(a: Fingerprint, b: Fingerprint): boolean {
  return hammingDistance(a.simhash, b.simhash) <= NEAR_DUPLICATE_MAX_DISTANCE;
}

export function hammingDistance(a: string, b: string): number {
  const [highA, lowA] = halves(a);
  const [highB, lowB] = halves(b);
  return popcount32(highA ^ highB) + popcount32(lowA ^ lowB);
}

export function sharesBand(a: Fingerprint, b: Fingerprint): boolean {
  const keys = new Set(a.bands);
  return b.bands.some((key) => keys.has(key));
}

function simhashOf(high: Uint32Array, low: Uint32Array, positionHalfLife: number): string {
  const totals = positionHalfLife > 0 ? weightedBitTotals(high, low, positionHalfLife) : bitTotals(high, low);
  let lowBits = 0;
  let highBits = 0;
  for (let bit = 0; bit < 32; bit++) {
    if ((totals[bit] ?? 0) > 0) lowBits |= 1 << bit;
    if ((totals[32 + bit] ?? 0) > 0) highBits |= 1 << bit;
  }
  return hex32(highBits) + hex32(lowBits);
}

/**
 * Per bit, (shingles with the bit set) − (shingles without). Counted four bits at a time in the four
 * bytes of a 32-bit lane (SWAR), flushed before a byte can overflow: the hot loop of fingerprintOf.
 */
function bitTotals(high: Uint32Array, low: Uint32Array): Int32Array {
  const ones = new Int32Array(SIMHASH_BITS);
  const lanes = new Uint32Array(16);
  const flush = (): void => {
    for (let lane = 0; lane < 8; lane++) {
      for (let byte = 0; byte < 4; byte++) {
        ones[lane + 8 * byte] += ((lanes[lane] ?? 0) >>> (8 * byte)) & 0xff;
        ones[32 + lane + 8 * byte] += ((lanes[8 + lane] ?? 0) >>> (8 * byte)) & 0xff;
      }
    }
    lanes.fill(0);
  };
  for (let position = 0; position < high.length; position++) {
    const upper = high[position] ?? 0;
    const lower = low[position] ?? 0;
    for (let lane = 0; lane < 8; lane++) {
      lanes[lane] += (lower >>> lane) & 0x01010101;
      lanes[8 + lane] += (upper >>> lane) & 0x01010101;
    }
    if (position % 255 === 254) flush();
  }
  flush();
  return ones.map((count) => 2 * count - high.length);
}

function weightedBitTotals(high: Uint32Array, low: Uint32Array, positionHalfLife: number): Float64Array {
  const totals = new Float64Array(SIMHASH_BITS);
  for (let position = 0; position < high.length; position++) {
    const weight = 1 / (1 + position / positionHalfLife);
    const upper = high[position] ?? 0;
    const lower = low[position] ?? 0;
    for (let bit = 0; bit < 32; bit++) {
      totals[bit] += (lower >>> bit) & 1 ? weight : -weight;
      totals[32 + bit] += (upper >>> bit) & 1 ? weight : -weight;
    }
  }
  return totals;
}

/**
 * One-permutation MinHash (Li, Owen & Zhang 2012): each shingle's upper half picks a bin, the lower
 * half competes for that bin's minimum — one pass, instead of one hash function per row. Empty bins
 * (short texts) borrow the next filled bin's minimum, mixed with the distance borrowed over
 * (rotation densification, Shrivastava & Li 2014), so equal texts still give equal keys.
 */
function minhashBands(high: Uint32Array, low: Uint32Array, bands: number, rowsPerBand: number): string[] {
  const bins = bands * rowsPerBand;
  const minima = new Float64Array(bins).fill(Number.POSITIVE_INFINITY);
  for (let index = 0; index < high.length; index++) {
    const bin = Math.floor(((high[index] ?? 0) / 0x1_0000_0000) * bins);
    const value = low[index] ?? 0;
    if (value < (minima[bin] ?? 0)) minima[bin] = value;
  }
  const filled = minima.some((value) => value !== Number.POSITIVE_INFINITY);
  const rows = new Uint32Array(bins);
  for (let bin = 0; bin < bins; bin++) {
    let source = bin;
    let distance = 0;
    while (filled && minima[source] === Number.POSITIVE_INFINITY) {
      source = (source + 1) % bins;
      distance++;
    }
    const minimum = filled ? (minima[source] ?? 0) : 0;
    rows[bin] = distance === 0 ? minimum : fmix32(minimum + Math.imul(distance, 0x9e3779b1));
  }
  const keys: string[] = [];
  for (let band = 0; band < bands; band++) {
    let key = 0x2545f491 ^ band;
    for (let row = 0; row < rowsPerBand; row++)
      key = fmix32(Math.imul(key ^ (rows[band * rowsPerBand + row] ?? 0), 0x01000193));
    // A second, differently seeded 32 bits: 32-bit keys alone would collide across a large store.
    let check = 0x6a09e667 ^ band;
    for (let row = 0; row < rowsPerBand; row++)
      check = fmix32(Math.imul(check + (rows[band * rowsPerBand + row] ?? 0), 0x85ebca6b));
    keys.push(`m${band.toString(36)}:${hex32(key)}${hex32(check)}`);
  }
  return keys;
}

function simhashBlockBands(simhash: string, blocks: number, blocksPerBand: number): string[] {
  const charsPerBlock = simhash.length / blocks;
  if (!Number.isInteger(charsPerBlock))
    throw new Error(`A 64-bit SimHash does not split into ${blocks} hex blocks`);
  return combinations(blocks, blocksPerBand).map(
    (chosen) =>
      `s${chosen.map((block) => block.toString(36)).join('')}:${chosen
        .map((block) => simhash.slice(block * charsPerBlock, (block + 1) * charsPerBlock))
        .join('')}`,
  );
}

function combinations(count: number, choose: number): number[][] {
  const result: number[][] = [];
  const current: number[] = [];
  const extend = (start: number): void => {
    if (current.length === choose) {
      result.push([...current]);
      return;
    }
    for (let index = start; index <= count - (choose - current.length); index++) {
      current.push(index);
      extend(index + 1);
      current.pop();
    }
  };
  extend(0);
  return result;
}

function halves(simhash: string): [number, number] {
  if (!/^[0-9a-f]{16}$/.test(simhash)) throw new Error(`Not a 64-bit SimHash: ${JSON.stringify(simhash)}`);
  return [Number.parseInt(simhash.slice(0, 8), 16), Number.parseInt(simhash.slice(8), 16)];
}

function popcount32(value: number): number {
  let bits = value - ((value >>> 1) & 0x55555555);
  bits = (bits & 0x33333333) + ((bits >>> 2) & 0x33333333);
  return (Math.imul((bits + (bits >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24) & 0xff;
}

function hex32(value: number): string {
  return (value >>> 0).toString(16).padStart(8, '0');
}
