import type { EntityType } from '../tagger.types';
/** Feature rows of a sentence: `hashes[offsets[i]..offsets[i+1]]` are the rows of token i. */
export interface FeatureRows {
  hashes: Uint32Array;
  offsets: Int32Array;
}

/**
 * BIO labels over the four entity types. Index 0 is O; B-type = 1 + 2t, I-type = 2 + 2t with t the
 * index in ENTITY_TYPES.
 */
export const ENTITY_TYPES: readonly EntityType[] = ['PERSON', 'ORGANIZATION', 'LOCATION', 'MISC'];
export const CONLL_TYPES = ['PER', 'ORG', 'LOC', 'MISC'] as const;
export const LABELS: readonly string[] = ['O', ...CONLL_TYPES.flatMap((type) => [`B-${type}`, `I-${type}`])];
export const LABEL_COUNT = LABELS.length;

const NEG = -1e30;

export function isInside(label: number): boolean {
  return label > 0 && label % 2 === 0;
}

/** I-X may only follow B-X or I-X; a sentence may not start with I-X. */
export function allowedTransition(previous: number, current: number): boolean {
  if (!isInside(current)) return true;
  return previous === current || previous === current - 1;
}

export function labelIndex(tag: string): number {
  const index = LABELS.indexOf(tag);
  if (index < 0) throw new Error(`unknown label "${tag}"`);
  return index;
}

export interface LabelledSpan {
  /** Token index of the first token. */
  start: number;
  /** Token index after the last token. */
  end: number;
  /** Index into ENTITY_TYPES. */
  type: number;
}

/** BIO label sequence → spans; a stray I-X opens a span, as conlleval does. */
export function spansFromLabels(labels: ArrayLike<number>, length = labels.length): LabelledSpan[] {
  const spans: LabelledSpan[] = [];
  let open: LabelledSpan | undefined;
  for (let index = 0; index < length; index += 1) {
    const label = labels[index];
    const type = label === 0 ? -1 : (label - 1) >> 1;
    if (label === 0 || !isInside(label) || open === undefined || open.type !== type) {
      if (open !== undefined) {
        open.end = index;
        spans.push(open);
        open = undefined;
      }
      if (label !== 0) open = { start: index, end: index + 1, type };
    }
  }
  if (open !== undefined) {
    open.end = length;
    spans.push(open);
  }
  return spans;
}

/**
 * A linear-chain model: per-token label scores are sums of hashed feature weights, plus a label
 * transition matrix; decoding is Viterbi under the BIO constraints. The weights are a dense table
 * of `2^bucketBits` rows of LABEL_COUNT floats.
 */
export class SequenceModel {
  private emissions = new Float32Array(LABEL_COUNT * 128);
  private forward = new Float32Array(LABEL_COUNT * 128);
  private backward = new Float32Array(LABEL_COUNT * 128);
  private pointers = new Uint8Array(LABEL_COUNT * 128);

  constructor(
    readonly bucketBits: number,
    /** rows × LABEL_COUNT. */
    readonly weights: Float32Array,
    /** (LABEL_COUNT + 1) × LABEL_COUNT: row 0 is the sentence start, row p + 1 follows label p. */
    readonly transitions: Float32Array,
  ) {
    if (weights.length !== (1 << bucketBits) * LABEL_COUNT)
      throw new Error('weight table has the wrong size');
    if (transitions.length !== (LABEL_COUNT + 1) * LABEL_COUNT)
      throw new Error('transition table has the wrong size');
  }

  /**
   * Best label sequence for the `n` tokens whose features are in `features`. With `margins`, also
   * writes for each token how far the best path's score is above the best path that labels this
   * token differently (max-marginals; 0 means a tie).
   */
  decode(features: FeatureRows, n: number, labels: Uint8Array, margins?: Float32Array): void {
    if (n === 0) return;
    this.ensure(n);
    const L = LABEL_COUNT;
    const emissions = this.emissions;
    const weights = this.weights;
    const hashes = features.hashes;
    const offsets = features.offsets;
    emissions.fill(0, 0, n * L);
    for (let i = 0; i < n; i += 1) {
      const base = i * L;
      for (let f = offsets[i]; f < offsets[i + 1]; f += 1) {
        const row = hashes[f] * L;
        for (let l = 0; l < L; l += 1) emissions[base + l] += weights[row + l];
      }
    }
    this.viterbi(n, labels, margins);
  }

  private viterbi(n: number, labels: Uint8Array, margins?: Float32Array): void {
    const L = LABEL_COUNT;
    const emissions = this.emissions;
    const forward = this.forward;
    const pointers = this.pointers;
    const transitions = this.transitions;
    for (let l = 0; l < L; l += 1) forward[l] = isInside(l) ? NEG : transitions[l] + emissions[l];
    for (let i = 1; i < n; i += 1) {
      const base = i * L;
      const previousBase = base - L;
      for (let l = 0; l < L; l += 1) {
        let best = NEG;
        let bestPrevious = 0;
        for (let p = 0; p < L; p += 1) {
          if (!allowedTransition(p, l)) continue;
          const score = forward[previousBase + p] + transitions[(p + 1) * L + l];
          if (score > best) {
            best = score;
            bestPrevious = p;
          }
        }
        forward[base + l] = best + emissions[base + l];
        pointers[base + l] = bestPrevious;
      }
    }
    const lastBase = (n - 1) * L;
    let bestLast = 0;
    for (let l = 1; l < L; l += 1) if (forward[lastBase + l] > forward[lastBase + bestLast]) bestLast = l;
    labels[n - 1] = bestLast;
    for (let i = n - 1; i > 0; i -= 1) labels[i - 1] = pointers[i * L + labels[i]];
    if (margins === undefined) return;

    // Backward max pass: best score of the rest of the sentence given label l at i.
    const backward = this.backward;
    backward.fill(0, lastBase, lastBase + L);
    for (let i = n - 2; i >= 0; i -= 1) {
      const base = i * L;
      const nextBase = base + L;
      for (let l = 0; l < L; l += 1) {
        let best = NEG;
        for (let q = 0; q < L; q += 1) {
          if (!allowedTransition(l, q)) continue;
          const score = transitions[(l + 1) * L + q] + emissions[nextBase + q] + backward[nextBase + q];
          if (score > best) best = score;
        }
        backward[base + l] = best;
      }
    }
    for (let i = 0; i < n; i += 1) {
      const base = i * L;
      const chosen = labels[i];
      const total = forward[base + chosen] + backward[base + chosen];
      let rival = NEG;
      for (let l = 0; l < L; l += 1) {
        if (l === chosen) continue;
        const score = forward[base + l] + backward[base + l];
        if (score > rival) rival = score;
      }
      margins[i] = total - rival;
    }
  }

  private ensure(n: number): void {
    const size = n * LABEL_COUNT;
    if (this.emissions.length >= size) return;
    this.emissions = new Float32Array(size * 2);
    this.forward = new Float32Array(size * 2);
    this.backward = new Float32Array(size * 2);
    this.pointers = new Uint8Array(size * 2);
  }
}
