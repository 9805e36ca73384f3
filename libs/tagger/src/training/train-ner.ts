import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, unlinkSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { createDefaultGazetteer } from '../gazetteer/gazetteer';
import {
  EMPTY_CONTEXT,
  FeatureBuffer,
  FeatureExtractor,
  documentLabelMasks,
  type DocumentContext,
} from '../model/features';
import { serializeModel } from '../model/model-file';
import { MODEL_PATH, secondStagePath } from '../model/model-path';
import { CONLL_TYPES, SequenceModel, spansFromLabels } from '../model/sequence-model';
import { PLACES_PATH, PlaceTable } from '../model/places';
import { phraseTokens } from '../model/text-sentences';
import { SeenEntities } from '../model/seen-entities';
import { WORD_CLUSTERS_PATH, WordClusters } from '../model/word-clusters';
import { buildClusterTable, type BuildClustersResult } from './cluster-words';
import { parseConll, readConll, type ConllDocument } from './conll';
import { alignConventions } from './conventions';
import { seededRandom, trainPerceptron, type TrainingSentence } from './perceptron-trainer';
import { SpanScorer } from './span-metrics';
import { seenEntitiesOf, toTrainingSentences } from './training-data';

/**
 * `npm run train:ner [-- --epochs N --bits N --data DIR --tune FILE.conll --clusters build|reuse|none
 *   --seen yes|no --places auto|yes|no --skip FILE.conll ...]`
 *
 * Learns word classes from the unlabelled tokens of the training files and the news texts in
 * ../shared/data/news (cluster-words.ts), then trains the averaged perceptron on the openly
 * licensed training files in ../shared/data/ner (never on wikigold.conll or the CrossNER dev file,
 * which are for measuring), holds 4% of the sentences out to calibrate confidences, and writes
 * libs/tagger/model/ner-model.bin.gz, word-clusters.tsv.gz and their provenance files. `--tune`
 * files are only scored (model alone, gold tokens) after each epoch to choose settings; they
 * never reach the training loop. `--seen no` leaves out the seen-entity list. The place table
 * (places.tsv.gz, from `npm run build:places`) is used when it sits beside the output (--places
 * auto), must be there (yes) or is left out (no).
 */

const FORBIDDEN = ['wikigold.conll', 'crossner-politics-dev.conll', 'crossner-politics-test.conll'];
const HOLDOUT_SHARE = 0.04;
const TYPES: readonly string[] = CONLL_TYPES.slice(0, 3);

const LICENCES: Record<string, string> = {
  'docred-wikipedia.conll':
    'Re-DocRED (MIT) and DocRED test (MIT) annotations; Wikipedia text CC BY-SA. See ../shared/data/README.md',
  'crossner-music-literature.conll':
    'CrossNER music + literature (MIT annotations, zliucr/CrossNER); Wikipedia text CC BY-SA',
  'crossner-politics-train.conll': 'CrossNER politics train (MIT annotations); Wikipedia text CC BY-SA',
};

function main(): void {
  const { values } = parseArgs({
    options: {
      data: { type: 'string', default: '../shared/data/ner' },
      epochs: { type: 'string', default: '8' },
      bits: { type: 'string', default: '18' },
      seed: { type: 'string', default: '7' },
      upper: { type: 'string', default: '0.2' },
      title: { type: 'string', default: '0.05' },
      politics: { type: 'string', default: '3' },
      stages: { type: 'string', default: '1' },
      average: { type: 'string', default: '3' },
      tune: { type: 'string', multiple: true, default: [] },
      skip: { type: 'string', multiple: true, default: [] },
      out: { type: 'string', default: MODEL_PATH },
      clusters: { type: 'string', default: 'build' },
      seen: { type: 'string', default: 'yes' },
      places: { type: 'string', default: 'auto' },
      conventions: { type: 'string', default: 'conll' },
    },
  });
  const started = performance.now();
  const dataDir = resolve(values.data);
  const files = [
    ...readdirSync(join(dataDir, 'train'))
      .filter((name) => name.endsWith('.conll') && !values.skip.includes(name))
      .sort()
      .map((name) => join(dataDir, 'train', name)),
    join(dataDir, 'crossner-politics-train.conll'),
  ];
  for (const file of files)
    if (FORBIDDEN.includes(basename(file)))
      throw new Error(`refusing to train on ${file}: it is for measuring`);

  const random = seededRandom(Number(values.seed));
  const training: TrainingSentence[] = [];
  const holdout: TrainingSentence[] = [];
  const allDocuments: ConllDocument[] = [];
  const sources: { file: string; sha256: string; sentences: number; tokens: number; licence: string }[] = [];
  for (const file of files) {
    const content = readFileSync(file, 'utf8');
    const documents = parseConll(content);
    if (values.conventions === 'conll') {
      const changed = alignConventions(documents);
      if (changed > 0) log(`${basename(file)}: ${changed} names retyped to the CoNLL conventions`);
    }
    allDocuments.push(...documents);
    const sentences = toTrainingSentences(documents, {
      upperCaseShare: Number(values.upper),
      titleCaseShare: Number(values.title),
      random,
      leaveOwnNamesOut: true,
    });
    // The small in-domain politics set may be seen more than once per epoch (--politics N).
    const repeat = basename(file) === 'crossner-politics-train.conll' ? Number(values.politics) : 1;
    let originals = 0;
    let tokens = 0;
    // Hold out whole originals together with their augmented copies.
    let target = training;
    for (const sentence of sentences) {
      const isCopy =
        sentence.words.length > 0 && target.length > 0 && target.at(-1)?.labels === sentence.labels;
      if (!isCopy) {
        target = random() < HOLDOUT_SHARE ? holdout : training;
        originals += 1;
        tokens += sentence.words.length;
      }
      if (isCopy && target === holdout) continue;
      for (let copy = 0; copy < (target === training ? repeat : 1); copy += 1) target.push(sentence);
    }
    sources.push({
      file: relative(process.cwd(), file),
      sha256: createHash('sha256').update(content).digest('hex'),
      sentences: originals,
      tokens,
      licence: LICENCES[basename(file)] ?? 'see ../shared/data/README.md',
    });
    log(`${relative(process.cwd(), file)}: ${originals} sentences, ${tokens} tokens`);
  }
  log(`training on ${training.length} sentences (with augmented copies), ${holdout.length} held out`);

  // --clusters build (default): learn word classes from the training files' tokens and the news
  // texts, written beside the model; --clusters reuse: keep the table already there; none: no
  // class features.
  const outPath = resolve(values.out);
  mkdirSync(resolve(outPath, '..'), { recursive: true });
  const clustersPath = join(dirname(outPath), basename(WORD_CLUSTERS_PATH));
  let clusterBuild: BuildClustersResult | undefined;
  if (values.clusters === 'build')
    clusterBuild = buildClusterTable(dataDir, files, LICENCES, clustersPath, log);
  const clusters =
    values.clusters === 'none' ? WordClusters.empty() : WordClusters.parse(readFileSync(clustersPath));
  const clustersFile = values.clusters === 'none' ? undefined : basename(clustersPath);
  // Names labelled in the training files, written beside the model (--seen no: none).
  const useSeen = values.seen !== 'no';
  const seen = useSeen ? seenEntitiesOf(allDocuments) : SeenEntities.empty();
  const seenPath = join(dirname(outPath), 'seen-entities.tsv.gz');
  const seenFile = useSeen ? basename(seenPath) : undefined;
  if (useSeen) {
    writeFileSync(
      seenPath,
      seen.serialize(
        'names labelled in the training files (see ner-model.provenance.json): name, then PER ORG LOC MISC counts',
      ),
    );
    log(`seen-entity list: ${seen.size} names`);
  }
  const placesPath = join(dirname(outPath), basename(PLACES_PATH));
  const usePlaces = values.places === 'yes' || (values.places === 'auto' && existsSync(placesPath));
  const places = usePlaces ? PlaceTable.parse(readFileSync(placesPath)) : PlaceTable.empty();
  const placesFile = usePlaces ? basename(placesPath) : undefined;
  log(usePlaces ? `place table: ${places.size} names` : 'no place table');
  const extractor = new FeatureExtractor(
    createDefaultGazetteer(),
    Number(values.bits),
    phraseTokens,
    clusters,
    seen,
    places,
  );
  const tuneSets = values.tune.map((file) => ({
    name: basename(file),
    sentences: toTrainingSentences(readConll(file), { upperCaseShare: 0, titleCaseShare: 0, random }),
  }));
  const stages = Number(values.stages);
  const epochLog: {
    stage: number;
    epoch: number;
    mistakes: number;
    holdoutF1: number;
    tune: Record<string, number>;
  }[] = [];
  const train = (stage: number, sentences: readonly TrainingSentence[], quiet = false): SequenceModel =>
    trainPerceptron(sentences, extractor, {
      epochs: Number(values.epochs),
      bucketBits: Number(values.bits),
      seed: Number(values.seed) + stage,
      onEpoch: (epoch, mistakes, averaged) => {
        if (quiet) return;
        const current = averaged();
        const holdoutF1 = scoreSentences(current, extractor, holdout).micro(TYPES).f1;
        const tune: Record<string, number> = {};
        for (const set of tuneSets)
          tune[set.name] = round(scoreSentences(current, extractor, set.sentences).micro(TYPES).f1 * 100);
        epochLog.push({ stage, epoch, mistakes, holdoutF1: round(holdoutF1 * 100), tune });
        log(
          `stage ${stage} epoch ${epoch}: ${mistakes} sentences wrong; held-out PER/ORG/LOC F1 ${(holdoutF1 * 100).toFixed(1)}` +
            Object.entries(tune)
              .map(([name, f1]) => `; ${name} ${f1.toFixed(1)}`)
              .join('') +
            ` (${Math.round((performance.now() - started) / 1000)} s)`,
        );
      },
    });

  // --average N: N runs with different shuffles, weights averaged (a cheap ensemble: same size
  // and speed at run time).
  const runs = Array.from({ length: Number(values.average) }, (_, run) =>
    train(1 + run * 10, training, run > 0),
  );
  const firstPass = runs.length === 1 ? runs[0] : averageModels(runs);
  let finalModel = firstPass;
  let secondFile: Buffer | undefined;
  if (stages === 2) {
    // The second pass must learn from first-pass labels as noisy as they will be on new text, so
    // the training documents get them from models that did not see those documents (2 folds).
    const units = [...new Set(training.map((sentence) => sentence.context))];
    const fold = new Map(units.map((unit) => [unit, random() < 0.5 ? 0 : 1]));
    for (const part of [0, 1]) {
      log(`stage 1, fold ${part + 1} of 2 for the second pass`);
      const foldModel = train(
        1,
        training.filter((sentence) => fold.get(sentence.context) !== part),
        true,
      );
      attachDocumentLabels(
        foldModel,
        extractor,
        training.filter((sentence) => fold.get(sentence.context) === part),
      );
    }
    attachDocumentLabels(firstPass, extractor, holdout);
    for (const set of tuneSets) attachDocumentLabels(firstPass, extractor, set.sentences);
    finalModel = train(2, training);
  }

  const finalScores: Record<string, Record<string, number>> = {};
  for (const set of [{ name: 'held-out 4% of the training files', sentences: holdout }, ...tuneSets]) {
    const scorer = scoreSentences(finalModel, extractor, set.sentences);
    finalScores[set.name] = {
      'PER/ORG/LOC F1': round(scorer.micro(TYPES).f1 * 100),
      ...Object.fromEntries(CONLL_TYPES.map((type) => [`${type} F1`, round(scorer.scores(type).f1 * 100)])),
    };
    log(`final model alone on ${set.name}: PER/ORG/LOC F1 ${finalScores[set.name]['PER/ORG/LOC F1']}`);
  }
  const confidence = calibrate(finalModel, extractor, holdout);
  log(`confidence calibration: a=${confidence.a.toFixed(4)} b=${confidence.b.toFixed(3)}`);
  const file = serializeModel(firstPass, confidence, clustersFile, seenFile, placesFile);
  writeFileSync(outPath, file);
  if (stages === 2) {
    secondFile = serializeModel(finalModel, confidence, clustersFile, seenFile, placesFile);
    writeFileSync(secondStagePath(outPath), secondFile);
  } else if (existsSync(secondStagePath(outPath))) {
    unlinkSync(secondStagePath(outPath));
  }
  const seconds = Math.round((performance.now() - started) / 1000);
  const provenance = {
    model: [basename(outPath), ...(secondFile ? [basename(secondStagePath(outPath))] : [])],
    bytes: file.length + (secondFile?.length ?? 0),
    trainedAt: new Date().toISOString(),
    command: `npm run train:ner${process.argv.length > 2 ? ` -- ${process.argv.slice(2).join(' ')}` : ''}`,
    trainingSeconds: seconds,
    method:
      'averaged structured perceptron, BILOU labels, Viterbi decoding, hashed features (see libs/tagger/MODEL.md)',
    settings: {
      epochs: Number(values.epochs),
      stages,
      averagedRuns: Number(values.average),
      bucketBits: Number(values.bits),
      seed: Number(values.seed),
      upperCaseShare: Number(values.upper),
      titleCaseShare: Number(values.title),
      politicsRepeat: Number(values.politics),
      holdoutShare: HOLDOUT_SHARE,
    },
    data: sources,
    seenEntities:
      seenFile === undefined
        ? null
        : {
            file: seenFile,
            names: seen.size,
            what: 'every name labelled PER/ORG/LOC/MISC in the training files above, lower-cased, with its count per type; during training each document is matched without its own names',
          },
    places:
      placesFile === undefined
        ? null
        : {
            file: placesFile,
            sha256: createHash('sha256').update(readFileSync(placesPath)).digest('hex'),
            names: places.size,
            provenance: placesFile.replace(/\.tsv\.gz$/, '.provenance.json'),
          },
    wordClusters:
      clustersFile === undefined
        ? null
        : {
            file: clustersFile,
            sha256: createHash('sha256').update(readFileSync(clustersPath)).digest('hex'),
            words: clusters.size,
            provenance: clustersFile.replace(/\.tsv\.gz$/, '.provenance.json'),
            rebuiltByThisRun: clusterBuild !== undefined,
          },
    neverTrainedOn: FORBIDDEN,
    modelAloneScores: {
      note: 'the model alone on gold tokens, before the rule layer; npm run eval:ner scores the whole tagger',
      ...finalScores,
    },
    epochs: epochLog,
    confidence,
  };
  writeFileSync(
    outPath.replace(/\.bin\.gz$/, '.provenance.json'),
    `${JSON.stringify(provenance, null, 2)}\n`,
  );
  log(
    `wrote ${relative(process.cwd(), outPath)} (${((file.length + (secondFile?.length ?? 0)) / 1e6).toFixed(2)} MB) in ${seconds} s`,
  );
}

/** Model alone on gold tokens: exact PER/ORG/LOC/MISC spans. */
export function scoreSentences(
  model: SequenceModel,
  extractor: FeatureExtractor,
  sentences: readonly TrainingSentence[],
): SpanScorer {
  const scorer = new SpanScorer(CONLL_TYPES);
  const buffer = new FeatureBuffer();
  let labels = new Uint8Array(256);
  let offset = 0;
  for (const sentence of sentences) {
    const n = sentence.words.length;
    if (labels.length < n) labels = new Uint8Array(n * 2);
    extractor.extract(sentence.words, sentence.context ?? EMPTY_CONTEXT, buffer, sentence.documentLabels);
    model.decode(buffer, n, labels);
    const toKeys = (spans: { start: number; end: number; type: number }[]): [number, number, string][] =>
      spans.map((span) => [offset + span.start, offset + span.end, CONLL_TYPES[span.type]]);
    scorer.add(toKeys(spansFromLabels(sentence.labels)), toKeys(spansFromLabels(labels, n)));
    offset += n + 1;
  }
  return scorer;
}

/**
 * Fits confidence = 1 / (1 + e^-(a·margin + b)) to whether held-out predicted spans are exactly
 * right, margin being the smallest max-marginal margin over the span's tokens.
 */
function calibrate(
  model: SequenceModel,
  extractor: FeatureExtractor,
  sentences: readonly TrainingSentence[],
): { a: number; b: number } {
  const samples: [number, number][] = [];
  const buffer = new FeatureBuffer();
  for (const sentence of sentences) {
    const n = sentence.words.length;
    const labels = new Uint8Array(n);
    const margins = new Float32Array(n);
    extractor.extract(sentence.words, sentence.context, buffer, sentence.documentLabels);
    model.decode(buffer, n, labels, margins);
    const gold = new Set(
      spansFromLabels(sentence.labels).map((span) => `${span.start}:${span.end}:${span.type}`),
    );
    for (const span of spansFromLabels(labels, n)) {
      let margin = Infinity;
      for (let i = span.start; i < span.end; i += 1) margin = Math.min(margin, margins[i]);
      samples.push([margin, gold.has(`${span.start}:${span.end}:${span.type}`) ? 1 : 0]);
    }
  }
  let maxMargin = 1;
  for (const [margin] of samples) maxMargin = Math.max(maxMargin, margin);
  // Gradient descent on log loss with the margin scaled to 0..1 for a stable step size.
  let a = 1;
  let b = 0;
  for (let iteration = 0; iteration < 2000; iteration += 1) {
    let gradA = 0;
    let gradB = 0;
    for (const [margin, correct] of samples) {
      const x = margin / maxMargin;
      const p = 1 / (1 + Math.exp(-(a * x + b)));
      gradA += (p - correct) * x;
      gradB += p - correct;
    }
    a -= (5 * gradA) / samples.length;
    b -= (5 * gradB) / samples.length;
  }
  return { a: a / maxMargin, b };
}

/**
 * Decodes the sentences with the first-pass model and stores on each its document labels
 * (augmented copies share their original's).
 */
function attachDocumentLabels(
  model: SequenceModel,
  extractor: FeatureExtractor,
  sentences: readonly TrainingSentence[],
): void {
  const units = new Map<DocumentContext, TrainingSentence[]>();
  const seen = new Set<TrainingSentence>();
  for (const sentence of sentences) {
    if (sentence.original !== undefined || seen.has(sentence)) continue;
    seen.add(sentence);
    const unit = units.get(sentence.context) ?? [];
    unit.push(sentence);
    units.set(sentence.context, unit);
  }
  const buffer = new FeatureBuffer();
  for (const unit of units.values()) {
    const labels = unit.map((sentence) => {
      const out = new Uint8Array(sentence.words.length);
      extractor.extract(sentence.words, sentence.context, buffer);
      model.decode(buffer, sentence.words.length, out);
      return out;
    });
    const masks = documentLabelMasks(
      unit.map((sentence) => sentence.words),
      labels,
    );
    unit.forEach((sentence, index) => (sentence.documentLabels = masks[index]));
  }
  for (const sentence of sentences)
    if (sentence.original !== undefined) sentence.documentLabels = sentence.original.documentLabels;
}

function averageModels(models: readonly SequenceModel[]): SequenceModel {
  const weights = new Float32Array(models[0].weights.length);
  const transitions = new Float32Array(models[0].transitions.length);
  for (const model of models) {
    for (let i = 0; i < weights.length; i += 1) weights[i] += model.weights[i] / models.length;
    for (let i = 0; i < transitions.length; i += 1) transitions[i] += model.transitions[i] / models.length;
  }
  return new SequenceModel(models[0].bucketBits, weights, transitions);
}

function round(value: number): number {
  return Math.round(value * 10) / 10;
}

function log(message: string): void {
  process.stderr.write(`${message}\n`);
}

if (require.main === module) main();
