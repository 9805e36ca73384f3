import type { EntityType } from '../tagger.types';
/** Feature rows of a sentence: `hashes[offsets[i]..offsets[i+1]]` are the rows of token i. */
export interface FeatureRows {
  hashes: Uint32Array;
  offsets: Int32Array;
}

/**
 * BILOU labels over the four entity types: index 0 is O; for type index t (in ENTITY_TYPES),
 * B-type = 1 + 4t (first of several tokens), I-type = 2 + 4t (inside), L-type = 3 + 4t (last),
 * U-type = 4 + 4t (a one-token name). Separate first/last/single labels let the model learn what
 * ends a name ("Party", "FC") apart from what starts one.
 */
export const ENTITY_TYPES: readonly EntityType[] = ['PERSON', 'ORGANIZATION', 'LOCATION', 'MISC'];
export const CONLL_TYPES = ['PER', 'ORG', 'LOC', 'MISC'] as const;
const PLACES = ['B', 'I', 'L', 'U'] as const;
export const LABELS: readonly string[] = [
  'O',
  ...CONLL_TYPES.flatMap((type) => PLACES.map((place) => `${place}-${type}`)),
];
export const LABEL_COUNT = LABELS.length;

const NEG = -1e30;
const BEGIN = 0;
const INSIDE = 1;
const LAST = 2;
const UNIT = 3;

/** Place of a label in its name: 0 B, 1 I, 2 L, 3 U; −1 for O. */
function placeOf(label: number): number {
  return label === 0 ? -1 : (label - 1) & 3;
}

/** Type index of a label, −1 for O. */
export function typeOf(label: number): number {
  return label === 0 ? -1 : (label - 1) >> 2;
}

/** The label of a place in a name of type `type`. */
export function labelOf(type: number, place: 'B' | 'I' | 'L' | 'U'): number {
  return 1 + 4 * type + PLACES.indexOf(place);
}

/** I-X and L-X continue a name; they may not start a sentence. */
export function isInside(label: number): boolean {
  const place = placeOf(label);
  return place === INSIDE || place === LAST;
}

/** B-X and I-X leave a name open; they may not end a sentence. */
export function isOpen(label: number): boolean {
  const place = placeOf(label);
  return place === BEGIN || place === INSIDE;
}

/** I-X and L-X only after B-X or I-X of the same type; O, B and U only after a closed name or O. */
export function allowedTransition(previous: number, current: number): boolean {
  if (isInside(current)) return isOpen(previous) && typeOf(previous) === typeOf(current);
  return !isOpen(previous);
}

export function labelIndex(tag: string): number {
  const index = LABELS.indexOf(tag);
  if (index < 0) throw new Error(`unknown label "${tag}"`);
  return index;
}

/** IOB2 tags ("B-PER", "I-PER", "O") → BILOU label indices; unknown tags are O. */
export function labelsFromTags(tags: readonly string[]): Uint8Array {
  const types = tags.map((tag) => {
    const type = CONLL_TYPES.indexOf(tag.slice(2) as (typeof CONLL_TYPES)[number]);
    return /^[BI]-/.test(tag) && type >= 0 ? { begins: tag.startsWith('B-'), type } : undefined;
  });
  const labels = new Uint8Array(tags.length);
  for (let index = 0; index < tags.length; index += 1) {
    const here = types[index];
    if (here === undefined) continue;
    const previous = index > 0 ? types[index - 1] : undefined;
    const next = index + 1 < tags.length ? types[index + 1] : undefined;
    const starts = here.begins || previous?.type !== here.type;
    const continues = next !== undefined && !next.begins && next.type === here.type;
    labels[index] = labelOf(here.type, starts ? (continues ? 'B' : 'U') : continues ? 'I' : 'L');
  }
  return labels;
}

export interface LabelledSpan {
  /** Token index of the first token. */
  start: number;
  /** Token index after the last token. */
  end: number;
  /** Index into ENTITY_TYPES. */
  type: number;
}

/** BILOU label sequence → spans; an ill-formed sequence is read leniently, as conlleval would. */
export function spansFromLabels(labels: ArrayLike<number>, length = labels.length): LabelledSpan[] {
  const spans: LabelledSpan[] = [];
  let open: LabelledSpan | undefined;
  const close = (end: number): void => {
    if (open === undefined) return;
    open.end = end;
    spans.push(open);
    open = undefined;
  };
  for (let index = 0; index < length; index += 1) {
    const label = labels[index];
    const type = typeOf(label);
    const place = placeOf(label);
    const continues = open !== undefined && open.type === type && (place === INSIDE || place === LAST);
    if (!continues) {
      close(index);
      if (label !== 0) open = { start: index, end: index + 1, type };
    }
    if (place === LAST || place === UNIT) close(index + 1);
  }
  close(length);
  return spans;
}

/**
 * The allowed transitions as lists, so Viterbi visits only them (about 7 of the 17 labels before
 * each label). Predecessors are listed in ascending order: ties resolve to the lowest label, as
 * they would in a loop over all labels.
 */
function transitionLists(before: boolean): { start: Uint16Array; list: Uint8Array } {
  const start = new Uint16Array(LABEL_COUNT + 1);
  const list: number[] = [];
  for (let label = 0; label < LABEL_COUNT; label += 1) {
    start[label] = list.length;
    for (let other = 0; other < LABEL_COUNT; other += 1)
      if (before ? allowedTransition(other, label) : allowedTransition(label, other)) list.push(other);
  }
  start[LABEL_COUNT] = list.length;
  return { start, list: Uint8Array.from(list) };
}
const { start: PREDECESSOR_START, list: PREDECESSORS } = transitionLists(true);
const { start: SUCCESSOR_START, list: SUCCESSORS } = transitionLists(false);

/**
 * A linear-chain model: per-token label scores are sums of hashed feature weights, plus a label
 * transition matrix; decoding is Viterbi under the BILOU constraints. The weights are a dense table
 * of `2^bucketBits` rows of LABEL_COUNT floats.
 */
export class SequenceModel {
  private emissions = new Float32Array(LABEL_COUNT * 128);
  private forward = new Float32Array(LABEL_COUNT * 128);
  private backward = new Float32Array(LABEL_COUNT * 128);
  private pointers = new Uint8Array(LABEL_COUNT * 128);

  constructor(
    readonly bucketBits: number,
    /**
     * rows × LABEL_COUNT: floats while training; a loaded model keeps the file's int16 values
     * (half the memory the decoder walks through at random, so fewer cache misses) with `scale`.
     */
    readonly weights: Float32Array | Int16Array,
    /** (LABEL_COUNT + 1) × LABEL_COUNT: row 0 is the sentence start, row p + 1 follows label p. */
    readonly transitions: Float32Array,
    /** Weight = weights[i] × scale. */
    readonly scale = 1,
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
    // Sums of int16 weights are exact in float32 (below 2^24), so scaling once gives the same
    // scores as adding scaled weights.
    const scale = this.scale;
    if (scale !== 1) for (let k = 0; k < n * L; k += 1) emissions[k] *= scale;
    this.viterbi(n, labels, margins);
  }

  private viterbi(n: number, labels: Uint8Array, margins?: Float32Array): void {
    const L = LABEL_COUNT;
    const emissions = this.emissions;
    const forward = this.forward;
    const pointers = this.pointers;
    const transitions = this.transitions;
    for (let l = 0; l < L; l += 1) forward[l] = isInside(l) ? NEG : transitions[l] + emissions[l];
    if (n === 1) for (let l = 0; l < L; l += 1) if (isOpen(l)) forward[l] = NEG;
    for (let i = 1; i < n; i += 1) {
      const base = i * L;
      const previousBase = base - L;
      for (let l = 0; l < L; l += 1) {
        let best = NEG;
        let bestPrevious = 0;
        for (let k = PREDECESSOR_START[l]; k < PREDECESSOR_START[l + 1]; k += 1) {
          const p = PREDECESSORS[k];
          const score = forward[previousBase + p] + transitions[(p + 1) * L + l];
          if (score > best) {
            best = score;
            bestPrevious = p;
          }
        }
        // A sentence may not end inside a name.
        forward[base + l] = i === n - 1 && isOpen(l) ? NEG : best + emissions[base + l];
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
    for (let l = 0; l < L; l += 1) backward[lastBase + l] = isOpen(l) ? NEG : 0;
    for (let i = n - 2; i >= 0; i -= 1) {
      const base = i * L;
      const nextBase = base + L;
      for (let l = 0; l < L; l += 1) {
        let best = NEG;
        for (let k = SUCCESSOR_START[l]; k < SUCCESSOR_START[l + 1]; k += 1) {
          const q = SUCCESSORS[k];
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
