import type { FeatureRows } from './sequence-model';
import {
  LABEL_COUNT,
  LABELS,
  SequenceModel,
  allowedTransition,
  labelIndex,
  labelsFromTags,
  spansFromLabels,
} from './sequence-model';

const BITS = 4;

/** One feature per token, feature k on token k, so emissions can be set token by token. */
function rows(n: number): FeatureRows {
  const hashes = new Uint32Array(n);
  const offsets = new Int32Array(n + 1);
  for (let i = 0; i < n; i += 1) {
    hashes[i] = i;
    offsets[i + 1] = i + 1;
  }
  return { hashes, offsets };
}

function modelWith(emissions: Record<string, number>[]): SequenceModel {
  const weights = new Float32Array((1 << BITS) * LABEL_COUNT);
  emissions.forEach((scores, token) => {
    for (const [label, score] of Object.entries(scores))
      weights[token * LABEL_COUNT + labelIndex(label)] = score;
  });
  return new SequenceModel(BITS, weights, new Float32Array((LABEL_COUNT + 1) * LABEL_COUNT));
}

const names = (labels: Uint8Array): string[] => [...labels].map((label) => LABELS[label]);

describe('SequenceModel', () => {
  it('never puts L-X after O or after another type, even when L-X scores best locally', () => {
    // Greedy decoding would give O, L-ORG; the BILOU constraints force a valid sequence.
    const model = modelWith([
      { O: 2, 'B-ORG': 1 },
      { 'L-ORG': 3, O: 0.5 },
    ]);
    const labels = new Uint8Array(2);
    model.decode(rows(2), 2, labels);
    expect(names(labels)).toEqual(['B-ORG', 'L-ORG']);
  });

  it('never ends a sentence inside a name', () => {
    const model = modelWith([{ 'U-PER': 1 }, { 'B-PER': 3, O: 1 }]);
    const labels = new Uint8Array(2);
    model.decode(rows(2), 2, labels);
    expect(names(labels)).toEqual(['U-PER', 'O']);
  });

  it('chooses the best whole path, not the best label at each token', () => {
    // Token 0 prefers O on its own, but B-PER L-PER scores 1 + 5 against 2 + 0.5 for O U-LOC.
    const model = modelWith([
      { O: 2, 'B-PER': 1 },
      { 'L-PER': 5, 'U-LOC': 0.5 },
    ]);
    const labels = new Uint8Array(2);
    model.decode(rows(2), 2, labels);
    expect(names(labels)).toEqual(['B-PER', 'L-PER']);
  });

  it('uses transition weights', () => {
    const model = modelWith([{ 'U-LOC': 1 }, { 'U-LOC': 1, O: 0.9 }]);
    const labels = new Uint8Array(2);
    model.decode(rows(2), 2, labels);
    expect(names(labels)).toEqual(['U-LOC', 'U-LOC']);
    // Penalise U-LOC → U-LOC: the second token becomes O.
    model.transitions[(labelIndex('U-LOC') + 1) * LABEL_COUNT + labelIndex('U-LOC')] = -1;
    model.decode(rows(2), 2, labels);
    expect(names(labels)).toEqual(['U-LOC', 'O']);
  });

  it('reports a larger margin where the decision is clearer', () => {
    const model = modelWith([{ 'U-PER': 10 }, { O: 1, 'U-ORG': 0.9 }]);
    const labels = new Uint8Array(2);
    const margins = new Float32Array(2);
    model.decode(rows(2), 2, labels, margins);
    expect(names(labels)).toEqual(['U-PER', 'O']);
    expect(margins[0]).toBeGreaterThan(margins[1]);
    expect(margins[1]).toBeCloseTo(0.1, 5);
  });

  it('rejects weight tables of the wrong size', () => {
    expect(() => new SequenceModel(BITS, new Float32Array(3), new Float32Array(90))).toThrow(/wrong size/);
  });
});

describe('BILOU helpers', () => {
  it('turns IOB2 tags into BILOU labels', () => {
    const tags = ['B-PER', 'I-PER', 'I-PER', 'O', 'B-LOC', 'B-ORG', 'I-ORG', 'I-MISC'];
    expect(names(labelsFromTags(tags))).toEqual([
      'B-PER',
      'I-PER',
      'L-PER',
      'O',
      'U-LOC',
      'B-ORG',
      'L-ORG',
      'U-MISC',
    ]);
  });

  it('turns labels into spans, reading a stray I-X or L-X as the start of a name', () => {
    const labels = ['B-PER', 'L-PER', 'O', 'L-LOC', 'U-ORG', 'B-ORG', 'I-ORG', 'L-ORG'].map(labelIndex);
    expect(spansFromLabels(labels)).toEqual([
      { start: 0, end: 2, type: 0 },
      { start: 3, end: 4, type: 2 },
      { start: 4, end: 5, type: 1 },
      { start: 5, end: 8, type: 1 },
    ]);
  });

  it('allows I-X and L-X only after B-X or I-X, and a new name only after a closed one', () => {
    expect(allowedTransition(labelIndex('B-PER'), labelIndex('I-PER'))).toBe(true);
    expect(allowedTransition(labelIndex('I-PER'), labelIndex('L-PER'))).toBe(true);
    expect(allowedTransition(labelIndex('O'), labelIndex('I-PER'))).toBe(false);
    expect(allowedTransition(labelIndex('B-ORG'), labelIndex('L-PER'))).toBe(false);
    expect(allowedTransition(labelIndex('U-PER'), labelIndex('L-PER'))).toBe(false);
    expect(allowedTransition(labelIndex('B-PER'), labelIndex('O'))).toBe(false);
    expect(allowedTransition(labelIndex('L-PER'), labelIndex('B-MISC'))).toBe(true);
    expect(allowedTransition(labelIndex('O'), labelIndex('U-MISC'))).toBe(true);
  });
});
