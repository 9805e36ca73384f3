import { Gazetteer } from '../gazetteer/gazetteer';
import { EMPTY_CONTEXT, FeatureBuffer, FeatureExtractor } from '../model/features';
import { deserializeModel, serializeModel } from '../model/model-file';
import { LABELS, type SequenceModel } from '../model/sequence-model';
import { phraseTokens } from '../model/text-sentences';
import { parseConll } from './conll';
import { trainPerceptron } from './perceptron-trainer';
import { SpanScorer, spansFromTags } from './span-metrics';
import { tagsToLabels, toTrainingSentences } from './training-data';

// A tiny corpus written for this test: people before "said", places after "in", organisations
// ending in "Corp".
const CORPUS = `-DOCSTART-\tO

Anna\tB-PER
Berg\tI-PER
said\tO
prices\tO
rose\tO
in\tO
Tallinn\tB-LOC
.\tO

Workers\tO
at\tO
Norvik\tB-ORG
Corp\tI-ORG
met\tO
in\tO
Riga\tB-LOC
.\tO

-DOCSTART-\tO

Jonas\tB-PER
Lind\tI-PER
said\tO
Halder\tB-ORG
Corp\tI-ORG
will\tO
hire\tO
in\tO
Vilnius\tB-LOC
.\tO

Officials\tO
in\tO
Oslo\tB-LOC
said\tO
Petra\tB-PER
Holm\tI-PER
left\tO
Sandvik\tB-ORG
Corp\tI-ORG
.\tO
`;

const extractor = new FeatureExtractor(new Gazetteer([]), 14, phraseTokens);

function tag(model: SequenceModel, words: string[]): string[] {
  const buffer = new FeatureBuffer();
  extractor.extract(words, EMPTY_CONTEXT, buffer);
  const labels = new Uint8Array(words.length);
  model.decode(buffer, words.length, labels);
  return [...labels].map((label) => LABELS[label]);
}

function train(): SequenceModel {
  const sentences = toTrainingSentences(parseConll(CORPUS), {
    upperCaseShare: 0,
    titleCaseShare: 0,
    random: () => 0.5,
  });
  return trainPerceptron(sentences, extractor, { epochs: 10, bucketBits: 14, seed: 1 });
}

describe('perceptron training', () => {
  const model = train();

  it('learns the training sentences', () => {
    expect(tag(model, ['Anna', 'Berg', 'said', 'prices', 'rose', 'in', 'Tallinn', '.'])).toEqual([
      'B-PER',
      'L-PER',
      'O',
      'O',
      'O',
      'O',
      'U-LOC',
      'O',
    ]);
  });

  it('generalises from context to unseen names', () => {
    const labels = tag(model, [
      'Maria',
      'Vaher',
      'said',
      'Kestrel',
      'Corp',
      'will',
      'hire',
      'in',
      'Tartu',
      '.',
    ]);
    expect(labels.slice(3, 5)).toEqual(['B-ORG', 'L-ORG']);
    expect(labels[8]).toBe('U-LOC');
  });

  it('survives a round trip through the model file with the same decisions', () => {
    const loaded = deserializeModel(serializeModel(model, { a: 0.1, b: 0 })).model;
    const words = ['Petra', 'Holm', 'said', 'Norvik', 'Corp', 'met', 'in', 'Oslo', '.'];
    expect(tag(loaded, words)).toEqual(tag(model, words));
    expect(loaded.bucketBits).toBe(14);
  });

  it('refuses a file that is not a model', () => {
    expect(() => deserializeModel(Buffer.from('not gzip'))).toThrow();
  });
});

describe('CoNLL reading and span scoring', () => {
  it('reads documents and sentences and scores exact spans per type', () => {
    const documents = parseConll(CORPUS);
    expect(documents).toHaveLength(2);
    expect(documents[0]).toHaveLength(2);
    expect(documents[1][1].words).toContain('Petra');
    expect([...tagsToLabels(['O', 'B-PER', 'I-PER', 'X-FOO'])].map((label) => LABELS[label])).toEqual([
      'O',
      'B-PER',
      'L-PER',
      'O',
    ]);

    const scorer = new SpanScorer(['PER', 'LOC']);
    const gold = spansFromTags(['B-PER', 'I-PER', 'O', 'B-LOC']);
    scorer.add(gold, [
      [0, 1, 'PER'],
      [3, 4, 'LOC'],
    ]);
    expect(scorer.scores('LOC').f1).toBe(1);
    expect(scorer.scores('PER')).toEqual({ precision: 0, recall: 0, f1: 0 });
    expect(scorer.micro(['PER', 'LOC']).precision).toBe(0.5);
  });
});
