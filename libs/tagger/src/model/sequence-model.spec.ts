import type { FeatureRows } from './sequence-model';
import {
  LABEL_COUNT,
  LABELS,
  SequenceModel,
  allowedTransition,
  labelIndex,
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
  it('never puts I-X after O or after another type, even when I-X scores best locally', () => {
    // Greedy decoding would give O, I-ORG; the BIO constraint forces a valid sequence.
    const model = modelWith([
      { O: 2, 'B-ORG': 1 },
      { 'I-ORG': 3, O: 0.5 },
    ]);
    const labels = new Uint8Array(2);
    model.decode(rows(2), 2, labels);
    expect(names(labels)).toEqual(['B-ORG', 'I-ORG']);
  });

  it('chooses the best whole path, not the best label at each token', () => {
    // Token 0 prefers O on its own, but B-PER I-PER scores 1 + 5 against 2 + 0.5 for O B-LOC.
    const model = modelWith([
      { O: 2, 'B-PER': 1 },
      { 'I-PER': 5, 'B-LOC': 0.5 },
    ]);
    const labels = new Uint8Array(2);
    model.decode(rows(2), 2, labels);
    expect(names(labels)).toEqual(['B-PER', 'I-PER']);
  });

  it('uses transition weights', () => {
    const model = modelWith([{ 'B-LOC': 1 }, { 'B-LOC': 1, O: 0.9 }]);
    const labels = new Uint8Array(2);
    model.decode(rows(2), 2, labels);
    expect(names(labels)).toEqual(['B-LOC', 'B-LOC']);
    // Penalise B-LOC → B-LOC: the second token becomes O.
    model.transitions[(labelIndex('B-LOC') + 1) * LABEL_COUNT + labelIndex('B-LOC')] = -1;
    model.decode(rows(2), 2, labels);
    expect(names(labels)).toEqual(['B-LOC', 'O']);
  });

  it('reports a larger margin where the decision is clearer', () => {
    const model = modelWith([{ 'B-PER': 10 }, { O: 1, 'B-ORG': 0.9 }]);
    const labels = new Uint8Array(2);
    const margins = new Float32Array(2);
    model.decode(rows(2), 2, labels, margins);
    expect(names(labels)).toEqual(['B-PER', 'O']);
    expect(margins[0]).toBeGreaterThan(margins[1]);
    expect(margins[1]).toBeCloseTo(0.1, 5);
  });

  it('rejects weight tables of the wrong size', () => {
    expect(() => new SequenceModel(BITS, new Float32Array(3), new Float32Array(90))).toThrow(/wrong size/);
  });
});

describe('BIO helpers', () => {
  it('turns labels into spans, opening a span at a stray I-X', () => {
    const labels = ['B-PER', 'I-PER', 'O', 'I-LOC', 'B-ORG', 'B-ORG', 'I-ORG'].map(labelIndex);
    expect(spansFromLabels(labels)).toEqual([
      { start: 0, end: 2, type: 0 },
      { start: 3, end: 4, type: 2 },
      { start: 4, end: 5, type: 1 },
      { start: 5, end: 7, type: 1 },
    ]);
  });

  it('allows I-X only after B-X or I-X', () => {
    expect(allowedTransition(labelIndex('B-PER'), labelIndex('I-PER'))).toBe(true);
    expect(allowedTransition(labelIndex('I-PER'), labelIndex('I-PER'))).toBe(true);
    expect(allowedTransition(labelIndex('O'), labelIndex('I-PER'))).toBe(false);
    expect(allowedTransition(labelIndex('B-ORG'), labelIndex('I-PER'))).toBe(false);
    expect(allowedTransition(labelIndex('O'), labelIndex('B-MISC'))).toBe(true);
  });
});
