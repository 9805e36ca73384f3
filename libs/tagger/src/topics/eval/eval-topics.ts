/**
 * Measures the topic classifier against hand labels (labels.json beside this file):
 *
 *   npm run -s eval:topics                      # reads ../shared/data/news/wikinews-en-2019-2020.jsonl
 *   npm run -s eval:topics -- CORPUS.jsonl [--show]
 *
 * The labels name articles of that corpus by id; the corpus itself is read by path and never copied
 * into the repo. Prints micro and macro precision, recall and F1 for the `tune` half (the lexicons
 * and thresholds were adjusted looking at it), the held-out `test` half and both, per-topic counts,
 * a threshold sweep, and the speed of topics and keywords per 4 KB of text. `--show` lists every
 * article's labels, predictions and firing cues.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { extractKeywords } from '../keyword-extractor';
import { MEDIA_TOPICS } from '../media-topics';
import {
  DEFAULT_TOPIC_OPTIONS,
  scoreTopics,
  selectTopics,
  type TopicAssignment,
  type TopicClassifierOptions,
} from '../topic-classifier';

const DEFAULT_CORPUS = '../shared/data/news/wikinews-en-2019-2020.jsonl';
// Compiled to dist/topics/eval/; the labels stay in src/ (JSON is not part of the build output).
const LABELS_FILE = join(__dirname, '..', '..', '..', 'src', 'topics', 'eval', 'labels.json');

interface LabelFile {
  articles: Array<{ id: string; split: Split; topics: string[] }>;
}

/** tune: thresholds and lexicons adjusted on it; test: held out; fresh: labelled after tuning ended. */
type Split = 'tune' | 'test' | 'fresh';
const SPLITS: readonly Split[] = ['tune', 'test', 'fresh'];

interface CorpusArticle {
  id: string;
  title: string;
  body: string;
}

interface Judged {
  id: string;
  split: Split;
  title: string;
  gold: Set<string>;
  scored: TopicAssignment[];
}

interface Counts {
  tp: number;
  fp: number;
  fn: number;
}

function main(argv: readonly string[]): void {
  const show = argv.includes('--show');
  const corpusPath = argv.find((argument) => !argument.startsWith('--')) ?? DEFAULT_CORPUS;
  if (!existsSync(corpusPath)) {
    process.stderr.write(
      `eval:topics: corpus not found at ${corpusPath}\n` +
        `It is the Wikinews file from the shared data folder (../shared/data/news/), which is not part of ` +
        `the repo; pass its path: npm run -s eval:topics -- PATH/wikinews-en-2019-2020.jsonl\n`,
    );
    process.exitCode = 2;
    return;
  }
  const labels = JSON.parse(readFileSync(LABELS_FILE, 'utf8')) as LabelFile;
  const corpus = readCorpus(corpusPath);
  const missing = labels.articles.filter(({ id }) => !corpus.has(id));
  if (missing.length > 0) {
    process.stderr.write(
      `eval:topics: ${missing.length} labelled article(s) are not in ${corpusPath} (first: ${missing[0].id})\n`,
    );
    process.exitCode = 2;
    return;
  }

  const judged: Judged[] = labels.articles.map(({ id, split, topics }) => {
    const article = corpus.get(id) as CorpusArticle;
    return {
      id,
      split,
      title: article.title,
      gold: new Set(topics),
      scored: scoreTopics(article.body, article.title),
    };
  });
  const options = DEFAULT_TOPIC_OPTIONS;
  print(
    `labels: ${judged.length} articles of ${corpusPath} (${countSplit(judged, 'tune')} tune, ` +
      `${countSplit(judged, 'test')} test, ${countSplit(judged, 'fresh')} fresh), ${sum(judged.map((j) => j.gold.size))} topic labels; ` +
      `threshold: score ≥ ${options.minScore} and ≥ ${options.minShareOfBest} × best, at most ${options.maxTopics}\n`,
  );

  table(
    [
      'split',
      'articles',
      'micro P',
      'micro R',
      'micro F1',
      'macro P',
      'macro R',
      'macro F1',
      'exact set',
      'none',
    ],
    [...SPLITS, 'test+fresh', 'all'].map((split) => {
      const rows = judged.filter(
        (j) => split === 'all' || j.split === split || (split === 'test+fresh' && j.split !== 'tune'),
      );
      const result = evaluate(rows, options);
      return [
        split,
        String(rows.length),
        ...[result.micro.precision, result.micro.recall, result.micro.f1].map(fixed),
        ...[result.macro.precision, result.macro.recall, result.macro.f1].map(fixed),
        `${result.exact}/${rows.length}`,
        String(result.empty),
      ];
    }),
  );
  print('(macro = mean over the topics that have a gold label in that split)\n');

  for (const split of ['test+fresh', 'all'] as const) {
    const rows = judged.filter((j) => split === 'all' || j.split !== 'tune');
    print(`per topic (${split}):`);
    const perTopic = evaluate(rows, options).perTopic;
    table(
      ['topic', 'label', 'gold', 'predicted', 'TP', 'FP', 'FN', 'P', 'R', 'F1'],
      MEDIA_TOPICS.map(({ code, label }) => {
        const c = perTopic.get(code) ?? { tp: 0, fp: 0, fn: 0 };
        const m = metrics(c);
        return [
          code,
          label.length > 28 ? `${label.slice(0, 27)}…` : label,
          String(c.tp + c.fn),
          String(c.tp + c.fp),
          String(c.tp),
          String(c.fp),
          String(c.fn),
          fixed(m.precision),
          fixed(m.recall),
          fixed(m.f1),
        ];
      }),
    );
    print('');
  }

  const tuneRows = judged.filter((j) => j.split === 'tune');
  const testRows = judged.filter((j) => j.split !== 'tune');
  const shares = [0.2, 0.25, 0.3, 0.35, 0.4, 0.5];
  print(
    'threshold sweep: micro F1 tune / test+fresh by minScore (rows) and minShareOfBest (columns); * = default',
  );
  table(
    ['minScore', ...shares.map(String)],
    [3, 4, 5, 6, 7, 8, 9, 10, 12].map((minScore) => [
      `${minScore === options.minScore ? '*' : ''}${minScore}`,
      ...shares.map((minShareOfBest) => {
        const swept = { ...options, minScore, minShareOfBest };
        const mark = minScore === options.minScore && minShareOfBest === options.minShareOfBest ? '*' : '';
        return `${mark}${fixed(evaluate(tuneRows, swept).micro.f1)} / ${fixed(evaluate(testRows, swept).micro.f1)}`;
      }),
    ]),
  );

  const articles = [...corpus.values()];
  print(`\nspeed over all ${articles.length} articles of the corpus (median of 5 passes):`);
  const characters = sum(articles.map((a) => a.title.length + a.body.length));
  const topicsMicros = timePerFourKb(characters, () => {
    for (const a of articles) scoreTopics(a.body, a.title);
  });
  const keywordsMicros = timePerFourKb(characters, () => {
    for (const a of articles) extractKeywords(a.body, a.title);
  });
  print(`  topics:   ${topicsMicros.toFixed(0)} µs per 4 KB article`);
  print(`  keywords: ${keywordsMicros.toFixed(0)} µs per 4 KB article`);

  if (show) {
    print('\narticles (gold → predicted; ✗ marks a difference):');
    for (const j of judged) {
      const predicted = selectTopics(j.scored, options);
      const same = predicted.length === j.gold.size && predicted.every((topic) => j.gold.has(topic.code));
      print(`${same ? ' ' : '✗'} [${j.split}] ${j.title}`);
      print(`    gold: ${[...j.gold].map(shortCode).join(' ') || '-'}`);
      for (const topic of j.scored.slice(0, 4).filter((t) => t.score > 0)) {
        const chosen = predicted.includes(topic) ? '→' : ' ';
        print(
          `    ${chosen} ${shortCode(topic.code)} ${topic.score.toFixed(2)}  ${topic.cues.slice(0, 6).join(', ')}`,
        );
      }
      const article = corpus.get(j.id) as CorpusArticle;
      print(
        `    keywords: ${extractKeywords(article.body, article.title)
          .map((k) => k.text)
          .join('; ')}`,
      );
    }
  }

  print(
    JSON.stringify({
      options,
      ...Object.fromEntries(
        SPLITS.map((split) => [
          split,
          evaluate(
            judged.filter((j) => j.split === split),
            options,
          ).micro,
        ]),
      ),
      all: evaluate(judged, options).micro,
      topicsMicrosPer4Kb: Math.round(topicsMicros),
      keywordsMicrosPer4Kb: Math.round(keywordsMicros),
    }),
  );
}

function evaluate(rows: readonly Judged[], options: TopicClassifierOptions) {
  const perTopic = new Map<string, Counts>();
  const total: Counts = { tp: 0, fp: 0, fn: 0 };
  let exact = 0;
  let empty = 0;
  for (const row of rows) {
    const predicted = new Set(selectTopics(row.scored, options).map((topic) => topic.code));
    if (predicted.size === 0) empty++;
    if (predicted.size === row.gold.size && [...predicted].every((code) => row.gold.has(code))) exact++;
    for (const { code } of MEDIA_TOPICS) {
      const inGold = row.gold.has(code);
      const inPredicted = predicted.has(code);
      if (!inGold && !inPredicted) continue;
      const counts = perTopic.get(code) ?? { tp: 0, fp: 0, fn: 0 };
      const key = inGold && inPredicted ? 'tp' : inPredicted ? 'fp' : 'fn';
      counts[key]++;
      total[key]++;
      perTopic.set(code, counts);
    }
  }
  const goldTopics = [...perTopic.values()].filter((c) => c.tp + c.fn > 0).map(metrics);
  const mean = (values: number[]): number => (values.length === 0 ? 0 : sum(values) / values.length);
  const macroPrecision = mean(goldTopics.map((m) => m.precision));
  const macroRecall = mean(goldTopics.map((m) => m.recall));
  return {
    micro: metrics(total),
    macro: {
      precision: macroPrecision,
      recall: macroRecall,
      f1: mean(goldTopics.map((m) => m.f1)),
    },
    perTopic,
    exact,
    empty,
  };
}

function metrics({ tp, fp, fn }: Counts): { precision: number; recall: number; f1: number } {
  const precision = tp + fp === 0 ? 0 : tp / (tp + fp);
  const recall = tp + fn === 0 ? 0 : tp / (tp + fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1 };
}

function timePerFourKb(characters: number, run: () => void): number {
  run(); // warm-up: builds the cue index, lets the JIT settle
  const passes: number[] = [];
  for (let pass = 0; pass < 5; pass++) {
    const started = performance.now();
    run();
    passes.push(performance.now() - started);
  }
  passes.sort((a, b) => a - b);
  return (passes[2] * 1000 * 4096) / characters;
}

function readCorpus(path: string): Map<string, CorpusArticle> {
  const corpus = new Map<string, CorpusArticle>();
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    if (line.trim().length === 0) continue;
    const record = JSON.parse(line) as Partial<CorpusArticle>;
    if (typeof record.id === 'string') {
      corpus.set(record.id, { id: record.id, title: record.title ?? '', body: record.body ?? '' });
    }
  }
  return corpus;
}

const countSplit = (rows: readonly Judged[], split: Split): number =>
  rows.filter((j) => j.split === split).length;
const sum = (values: readonly number[]): number => values.reduce((total, value) => total + value, 0);
const fixed = (value: number): string => value.toFixed(3);
const shortCode = (code: string): string => code.slice('medtop:'.length, 'medtop:'.length + 2);

function print(line: string): void {
  process.stdout.write(`${line}\n`);
}

function table(header: readonly string[], rows: readonly (readonly string[])[]): void {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i].length)));
  const line = (cells: readonly string[]): string =>
    cells.map((cell, i) => cell.padEnd(widths[i])).join('  ');
  print(line(header));
  for (const row of rows) print(line(row));
}

main(process.argv.slice(2));
