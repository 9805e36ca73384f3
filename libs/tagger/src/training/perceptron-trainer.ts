import { FeatureBuffer, type DocumentContext, type FeatureExtractor } from '../model/features';
import { LABEL_COUNT, SequenceModel, type FeatureRows } from '../model/sequence-model';

/** One labelled sentence: token texts, gold BILOU label indices and its document's context. */
export interface TrainingSentence {
  words: readonly string[];
  labels: Uint8Array;
  context: DocumentContext;
  /** For an augmented copy (upper-cased, title-cased): the sentence it copies. */
  original?: TrainingSentence;
  /** Second pass only: first-pass labels of the same words elsewhere (see documentLabelMasks). */
  documentLabels?: Int32Array;
}

export interface TrainingOptions {
  epochs: number;
  bucketBits: number;
  /** Seed of the shuffle, so a run can be repeated exactly. */
  seed: number;
  /** Called after each epoch with the averaged model so far. */
  onEpoch?: (epoch: number, mistakes: number, averaged: () => SequenceModel) => void;
}

/** Small deterministic PRNG (mulberry32). */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Averaged structured perceptron (Collins 2002): decode each sentence with the current weights
 * and, where the best path differs from the gold one, add the gold features and subtract the
 * predicted ones. The returned weights are the average over all steps, kept cheaply with the
 * usual trick: `average = w - u / steps`, where u accumulates `step × update`.
 */
export function trainPerceptron(
  sentences: readonly TrainingSentence[],
  extractor: FeatureExtractor,
  options: TrainingOptions,
): SequenceModel {
  const L = LABEL_COUNT;
  const rows = 1 << options.bucketBits;
  const weights = new Float32Array(rows * L);
  const transitions = new Float32Array((L + 1) * L);
  const weightSums = new Float64Array(rows * L);
  const transitionSums = new Float64Array((L + 1) * L);
  const model = new SequenceModel(options.bucketBits, weights, transitions);

  // Features once, up front: epochs then only add numbers.
  const buffer = new FeatureBuffer();
  const cached: FeatureRows[] = sentences.map((sentence) => {
    extractor.extract(sentence.words, sentence.context, buffer, sentence.documentLabels);
    return {
      hashes: buffer.hashes.slice(0, buffer.length),
      offsets: buffer.offsets.slice(0, sentence.words.length + 1),
    };
  });

  const random = seededRandom(options.seed);
  const order = sentences.map((_, index) => index);
  let maxLength = 1;
  for (const sentence of sentences) maxLength = Math.max(maxLength, sentence.words.length);
  const predicted = new Uint8Array(maxLength);
  let step = 1;

  const averaged = (): SequenceModel => {
    const averageWeights = new Float32Array(weights.length);
    for (let index = 0; index < weights.length; index += 1)
      averageWeights[index] = weights[index] - weightSums[index] / step;
    const averageTransitions = new Float32Array(transitions.length);
    for (let index = 0; index < transitions.length; index += 1)
      averageTransitions[index] = transitions[index] - transitionSums[index] / step;
    return new SequenceModel(options.bucketBits, averageWeights, averageTransitions);
  };

  for (let epoch = 1; epoch <= options.epochs; epoch += 1) {
    for (let index = order.length - 1; index > 0; index -= 1) {
      const other = Math.floor(random() * (index + 1));
      [order[index], order[other]] = [order[other], order[index]];
    }
    let mistakes = 0;
    for (const sentenceIndex of order) {
      const sentence = sentences[sentenceIndex];
      const features = cached[sentenceIndex];
      const n = sentence.words.length;
      if (n === 0) continue;
      model.decode(features, n, predicted);
      const gold = sentence.labels;
      let wrong = false;
      for (let i = 0; i < n; i += 1) {
        const goldLabel = gold[i];
        const predictedLabel = predicted[i];
        const goldPrevious = i === 0 ? 0 : gold[i - 1] + 1;
        const predictedPrevious = i === 0 ? 0 : predicted[i - 1] + 1;
        if (goldLabel !== predictedLabel) {
          wrong = true;
          for (let f = features.offsets[i]; f < features.offsets[i + 1]; f += 1) {
            const row = features.hashes[f] * L;
            weights[row + goldLabel] += 1;
            weightSums[row + goldLabel] += step;
            weights[row + predictedLabel] -= 1;
            weightSums[row + predictedLabel] -= step;
          }
        }
        if (goldLabel !== predictedLabel || goldPrevious !== predictedPrevious) {
          const goldCell = goldPrevious * L + goldLabel;
          const predictedCell = predictedPrevious * L + predictedLabel;
          transitions[goldCell] += 1;
          transitionSums[goldCell] += step;
          transitions[predictedCell] -= 1;
          transitionSums[predictedCell] -= step;
        }
      }
      if (wrong) mistakes += 1;
      step += 1;
    }
    options.onEpoch?.(epoch, mistakes, averaged);
  }
  return averaged();
}
