/**
 * Labelled near-duplicate evaluation over JSON Lines corpora ({"id","title","body",...} per line):
 *
 *   npm run -s eval:near-dup -- ../shared/data/news/wikinews-en-2019-2020.jsonl ../shared/data/news/re3d-gov-press-releases.jsonl
 *
 * Positives are each article against seeded-random edited copies of itself; negatives are pairs of
 * different articles, including same-subject ones. Tables go to stdout, then one JSON line.
 * `--seed=N` changes the edits and samples (default below); the same seed gives the same numbers.
 */
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { Article, articleText } from './evaluation/article-edits';
import { buildLabelledPairs, LabelledPair, PairKind } from './evaluation/labelled-pairs';
import {
  BandScheme,
  DEFAULT_FINGERPRINT_OPTIONS,
  Fingerprint,
  fingerprintOf,
  FingerprintOptions,
  fingerprintWith,
  hammingDistance,
  NEAR_DUPLICATE_MAX_DISTANCE,
  sharesBand,
} from './near-duplicate';

const DEFAULT_SEED = 20200101;
const SWEEP_DISTANCES = [4, 8, 10, 12, 13, 14, 15, 16, 17, 18, 19, 20, 22, 24];

interface Counts {
  truePositives: number;
  falsePositives: number;
  falseNegatives: number;
}

function main(argv: readonly string[]): void {
  const seedArgument = argv.find((argument) => argument.startsWith('--seed='));
  const seed = seedArgument === undefined ? DEFAULT_SEED : Number(seedArgument.slice('--seed='.length));
  const files = argv.filter((argument) => !argument.startsWith('--'));
  if (files.length === 0 || !Number.isInteger(seed)) {
    process.stderr.write('usage: eval-near-duplicates [--seed=N] <corpus.jsonl>...\n');
    process.exitCode = 2;
    return;
  }
  const articles = files.flatMap(readArticles);
  const { pairs, excludedNegatives } = buildLabelledPairs(articles, seed);
  const positives = pairs.filter((pair) => pair.duplicate).length;
  print(
    `corpus: ${articles.length} articles from ${files.length} file(s); seed ${seed}; ` +
      `${positives} positive and ${pairs.length - positives} negative pairs ` +
      `(${excludedNegatives} candidate negatives dropped as re-posts of one text)\n`,
  );

  const chosen = distancesFor(pairs, DEFAULT_FINGERPRINT_OPTIONS);
  const sweep = SWEEP_DISTANCES.map((distance) => ({
    distance,
    ...metrics(countAt(pairs, chosen.distances, distance)),
  }));
  print(
    `threshold sweep (near-duplicate ⇔ Hamming distance ≤ d; chosen d = ${NEAR_DUPLICATE_MAX_DISTANCE}):`,
  );
  table(
    ['d', 'similarity ≥', 'precision', 'recall', 'F1', 'TP', 'FP', 'FN'],
    sweep.map((row) => [
      `${row.distance === NEAR_DUPLICATE_MAX_DISTANCE ? '*' : ''}${row.distance}`,
      (1 - row.distance / 64).toFixed(3),
      row.precision.toFixed(4),
      row.recall.toFixed(4),
      row.f1.toFixed(4),
      String(row.truePositives),
      String(row.falsePositives),
      String(row.falseNegatives),
    ]),
  );
  const atThreshold = metrics(countAt(pairs, chosen.distances, NEAR_DUPLICATE_MAX_DISTANCE));

  print(`\nby pair kind at d ≤ ${NEAR_DUPLICATE_MAX_DISTANCE} (candidate = shares ≥ 1 band):`);
  const kinds = [...new Set(pairs.map((pair) => pair.kind))];
  const byKind = kinds.map((kind) => kindRow(kind, pairs, chosen));
  table(
    ['pair kind', 'label', 'pairs', 'judged near-dup', 'candidate', 'median d', 'p10 d', 'p90 d'],
    byKind.map((row) => [
      row.kind,
      row.duplicate ? 'dup' : 'not',
      String(row.pairs),
      percent(row.judgedDuplicate),
      percent(row.candidate),
      String(row.medianDistance),
      String(row.p10Distance),
      String(row.p90Distance),
    ]),
  );
  const positivePairs = pairs.map((pair, index) => ({ pair, index })).filter(({ pair }) => pair.duplicate);
  const candidateRecall = share(positivePairs, ({ index }) => chosen.candidates[index] === true);
  const endToEndRecall = share(
    positivePairs,
    ({ index }) =>
      chosen.candidates[index] === true && (chosen.distances[index] ?? 64) <= NEAR_DUPLICATE_MAX_DISTANCE,
  );
  const randomCandidateRate = allPairsCandidateRate(articles.map(articleText), DEFAULT_FINGERPRINT_OPTIONS);
  print(
    `\nLSH candidate recall (true pairs sharing ≥ 1 band): ${percent(candidateRecall)}; ` +
      `found and judged near-duplicate: ${percent(endToEndRecall)}; ` +
      `pairs of different corpus articles that are candidates: ${percent(randomCandidateRate, 3)}`,
  );

  print('\ndesign comparison (best F1 over d = 0…20 for each shingle size and lead weighting):');
  const designs: { options: FingerprintOptions; label: string }[] = [];
  for (const shingleSize of [1, 2, 3, 4, 5]) {
    for (const positionHalfLife of [0, 100, 300]) {
      designs.push({
        options: { ...DEFAULT_FINGERPRINT_OPTIONS, shingleSize, positionHalfLife },
        label: `${shingleSize}-word shingles, half-life ${positionHalfLife === 0 ? 'none' : positionHalfLife}`,
      });
    }
  }
  const designRows = designs.map(({ options, label }) => {
    const { distances } = distancesFor(pairs, options);
    const best = Array.from({ length: 21 }, (_, distance) => ({
      distance,
      ...metrics(countAt(pairs, distances, distance)),
    })).reduce((left, right) => (right.f1 > left.f1 ? right : left));
    return { label, ...best };
  });
  table(
    ['design', 'best d', 'precision', 'recall', 'F1'],
    designRows.map((row) => [
      row.label,
      String(row.distance),
      row.precision.toFixed(4),
      row.recall.toFixed(4),
      row.f1.toFixed(4),
    ]),
  );

  print(
    '\nband schemes (keys a store indexes per article; candidate rate over all pairs of different corpus ' +
      'articles, and so candidates per lookup in a store of 1M unrelated articles):',
  );
  const schemes: BandScheme[] = [
    { kind: 'simhash-blocks', blocks: 4, blocksPerBand: 1 },
    { kind: 'simhash-blocks', blocks: 8, blocksPerBand: 4 },
    { kind: 'simhash-blocks', blocks: 16, blocksPerBand: 4 },
    { kind: 'minhash', bands: 16, rowsPerBand: 3 },
    { kind: 'minhash', bands: 24, rowsPerBand: 3 },
    { kind: 'minhash', bands: 32, rowsPerBand: 3 },
    { kind: 'minhash', bands: 10, rowsPerBand: 2 },
    { kind: 'minhash', bands: 20, rowsPerBand: 2 },
    { kind: 'minhash', bands: 32, rowsPerBand: 2 },
    { kind: 'minhash', bands: 16, rowsPerBand: 1 },
  ];
  const corpusTexts = articles.map(articleText);
  const schemeRows = schemes.map((bands) => {
    const result = distancesFor(pairs, { ...DEFAULT_FINGERPRINT_OPTIONS, bands });
    return {
      allPairsCandidateRate: allPairsCandidateRate(corpusTexts, { ...DEFAULT_FINGERPRINT_OPTIONS, bands }),
      scheme: bands,
      keys: fingerprintWith('x', { ...DEFAULT_FINGERPRINT_OPTIONS, bands }).bands.length,
      candidateRecall: share(positivePairs, ({ index }) => result.candidates[index] === true),
    };
  });
  table(
    ['scheme', 'keys', 'bits/key', 'candidate recall', 'corpus pairs candidate', 'per 1M stored'],
    schemeRows.map((row) => [
      describeScheme(row.scheme),
      String(row.keys),
      row.scheme.kind === 'minhash' ? '64' : String((64 / row.scheme.blocks) * row.scheme.blocksPerBand),
      percent(row.candidateRecall),
      percent(row.allPairsCandidateRate, 3),
      String(Math.round(row.allPairsCandidateRate * 1e6)),
    ]),
  );

  const timing = measureTiming(articles);
  print(
    `\ntiming: fingerprintOf on 4 KB articles: ${timing.microsecondsPer4Kb.toFixed(1)} µs each ` +
      `(median of ${timing.rounds} rounds × ${timing.texts} texts); corpus articles (mean ${Math.round(timing.meanCorpusChars)} chars): ` +
      `${timing.microsecondsPerCorpusArticle.toFixed(1)} µs each`,
  );

  print(
    JSON.stringify({
      seed,
      articles: articles.length,
      positivePairs: positives,
      negativePairs: pairs.length - positives,
      method: DEFAULT_FINGERPRINT_OPTIONS,
      maxHammingDistance: NEAR_DUPLICATE_MAX_DISTANCE,
      precision: round(atThreshold.precision),
      recall: round(atThreshold.recall),
      f1: round(atThreshold.f1),
      sweep: sweep.map((row) => ({
        d: row.distance,
        precision: round(row.precision),
        recall: round(row.recall),
        f1: round(row.f1),
      })),
      candidateRecall: round(candidateRecall),
      endToEndRecall: round(endToEndRecall),
      corpusPairCandidateRate: round(randomCandidateRate, 6),
      byKind: byKind.map((row) => ({
        kind: row.kind,
        pairs: row.pairs,
        judgedDuplicate: round(row.judgedDuplicate),
        candidate: round(row.candidate),
      })),
      microsecondsPer4KbArticle: round(timing.microsecondsPer4Kb, 1),
      microsecondsPerCorpusArticle: round(timing.microsecondsPerCorpusArticle, 1),
    }),
  );
}

function readArticles(file: string): Article[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line, index) => {
      const record = JSON.parse(line) as Partial<Record<'id' | 'title' | 'body', unknown>>;
      if (typeof record.title !== 'string' || typeof record.body !== 'string') {
        throw new Error(`${file}:${index + 1}: needs string "title" and "body"`);
      }
      return {
        id: typeof record.id === 'string' ? record.id : `${file}:${index + 1}`,
        title: record.title,
        body: record.body,
      };
    });
}

function distancesFor(
  pairs: readonly LabelledPair[],
  options: Readonly<FingerprintOptions>,
): { distances: number[]; candidates: boolean[] } {
  const cache = new Map<string, Fingerprint>();
  const fingerprint = (text: string): Fingerprint => {
    let result = cache.get(text);
    if (result === undefined) {
      result = fingerprintWith(text, options);
      cache.set(text, result);
    }
    return result;
  };
  const distances: number[] = [];
  const candidates: boolean[] = [];
  for (const pair of pairs) {
    const left = fingerprint(pair.left);
    const right = fingerprint(pair.right);
    distances.push(hammingDistance(left.simhash, right.simhash));
    candidates.push(sharesBand(left, right));
  }
  return { distances, candidates };
}

/** Share of all pairs of different corpus texts that share a band: how many candidates a lookup returns. */
function allPairsCandidateRate(texts: readonly string[], options: Readonly<FingerprintOptions>): number {
  const fingerprints = texts.map((text) => fingerprintWith(text, options));
  let pairs = 0;
  let candidates = 0;
  for (let left = 0; left < fingerprints.length; left++) {
    for (let right = left + 1; right < fingerprints.length; right++) {
      if (texts[left] === texts[right]) continue;
      pairs++;
      if (sharesBand(fingerprints[left], fingerprints[right])) candidates++;
    }
  }
  return pairs === 0 ? 0 : candidates / pairs;
}

function countAt(pairs: readonly LabelledPair[], distances: readonly number[], maxDistance: number): Counts {
  const counts: Counts = { truePositives: 0, falsePositives: 0, falseNegatives: 0 };
  pairs.forEach((pair, index) => {
    const judged = (distances[index] ?? 64) <= maxDistance;
    if (judged && pair.duplicate) counts.truePositives++;
    else if (judged) counts.falsePositives++;
    else if (pair.duplicate) counts.falseNegatives++;
  });
  return counts;
}

function metrics(counts: Counts): Counts & { precision: number; recall: number; f1: number } {
  const flagged = counts.truePositives + counts.falsePositives;
  const precision = flagged === 0 ? 1 : counts.truePositives / flagged;
  const recall = counts.truePositives / Math.max(1, counts.truePositives + counts.falseNegatives);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { ...counts, precision, recall, f1 };
}

function kindRow(
  kind: PairKind,
  pairs: readonly LabelledPair[],
  result: { distances: number[]; candidates: boolean[] },
) {
  const indexes = pairs.flatMap((pair, index) => (pair.kind === kind ? [index] : []));
  const distances = indexes.map((index) => result.distances[index] ?? 64).sort((left, right) => left - right);
  const quantile = (q: number): number =>
    distances[Math.min(distances.length - 1, Math.floor(q * distances.length))] ?? 0;
  return {
    kind,
    duplicate: pairs[indexes[0] ?? 0]?.duplicate ?? false,
    pairs: indexes.length,
    judgedDuplicate: share(distances, (distance) => distance <= NEAR_DUPLICATE_MAX_DISTANCE),
    candidate: share(indexes, (index) => result.candidates[index] === true),
    medianDistance: quantile(0.5),
    p10Distance: quantile(0.1),
    p90Distance: quantile(0.9),
  };
}

function measureTiming(articles: readonly Article[]) {
  const corpusTexts = articles.map(articleText);
  const joined = corpusTexts.join('\n\n');
  // Distinct 4096-character windows of real text, so no result is cached by the engine.
  const texts = Array.from({ length: 400 }, (_, index) => {
    const start = (index * 7919) % Math.max(1, joined.length - 4096);
    return joined.slice(start, start + 4096);
  });
  const perText = (inputs: readonly string[]): number => {
    const started = performance.now();
    let sink = 0;
    for (const text of inputs) sink += fingerprintOf(text).bands.length;
    if (sink < 0) throw new Error('unreachable');
    return ((performance.now() - started) * 1000) / inputs.length;
  };
  perText(texts);
  perText(texts);
  const rounds = 7;
  const samples = Array.from({ length: rounds }, () => perText(texts)).sort((left, right) => left - right);
  const corpusSamples = Array.from({ length: 3 }, () => perText(corpusTexts)).sort(
    (left, right) => left - right,
  );
  return {
    rounds,
    texts: texts.length,
    microsecondsPer4Kb: samples[Math.floor(rounds / 2)] ?? 0,
    microsecondsPerCorpusArticle: corpusSamples[1] ?? 0,
    meanCorpusChars: corpusTexts.reduce((sum, text) => sum + text.length, 0) / corpusTexts.length,
  };
}

function describeScheme(scheme: BandScheme): string {
  switch (scheme.kind) {
    case 'simhash-blocks':
      return `SimHash, ${scheme.blocksPerBand} of ${scheme.blocks} blocks (all d ≤ ${scheme.blocks - scheme.blocksPerBand})`;
    case 'minhash':
      return `MinHash, ${scheme.bands} bands × ${scheme.rowsPerBand} rows`;
  }
}

function share<T>(items: readonly T[], test: (item: T) => boolean): number {
  return items.length === 0 ? 0 : items.filter(test).length / items.length;
}

function percent(value: number, digits = 1): string {
  return `${(value * 100).toFixed(digits)} %`;
}

function round(value: number, digits = 4): number {
  const scale = 10 ** digits;
  return Math.round(value * scale) / scale;
}

function table(header: readonly string[], rows: readonly (readonly string[])[]): void {
  const widths = header.map((title, column) =>
    Math.max(title.length, ...rows.map((row) => (row[column] ?? '').length)),
  );
  const line = (cells: readonly string[]): string =>
    `| ${cells.map((cell, column) => cell.padEnd(widths[column] ?? 0)).join(' | ')} |`;
  print(line(header));
  print(`|${widths.map((width) => '-'.repeat(width + 2)).join('|')}|`);
  for (const row of rows) print(line(row));
}

function print(text: string): void {
  process.stdout.write(`${text}\n`);
}

main(process.argv.slice(2));
