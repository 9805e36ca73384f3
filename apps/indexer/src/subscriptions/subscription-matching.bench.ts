/**
 * `npm run bench:matching [-- --articles=N --seed=N]`: how long matching one article against 1,000,
 * 10,000 and 100,000 subscriptions takes with the inverted SubscriptionIndex, and how many match.
 * A benchmark, not a test: it prints numbers and asserts nothing beyond "index = brute force" on a
 * sample (so the numbers are for correct answers).
 *
 * Data is generated (deterministic per seed) with skewed popularity, as in news: a few entities,
 * topics, sources and words are in many articles and subscriptions, most are rare. The mix of
 * subscriptions: 50 % entities (a third with an entity type), 25 % full-text query, 5 % source, and
 * combinations (topic + language, topic + source, entity + language, query + language), 1 % topic
 * alone and 1 % kills in a language — the broad ones that match many articles.
 */
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import {
  compileFilter,
  SubscriptionIndex,
  type MatchableArticle,
  type SubscriptionFilter,
} from './subscription-filter';

const { values: args } = parseArgs({
  options: { articles: { type: 'string', default: '2000' }, seed: { type: 'string', default: '7' } },
});
const ARTICLES = Number(args.articles);
let seed = Number(args.seed);

/** mulberry32: small, fast, deterministic. */
function random(): number {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}

/** An index in [0, n) with Zipf-like skew (rank r has weight ~1/r): word frequencies in text. */
function zipf(n: number): number {
  return Math.min(n - 1, Math.floor(Math.exp(random() * Math.log(n + 1))) - 1);
}

/** An index in [0, n) with a milder skew (density ~ 1/√x): popularity of entities, topics, sources. */
const skewed = (n: number): number => Math.floor(n * random() ** 2);

const pick = <T>(list: readonly T[]): T => list[skewed(list.length)];
const uniform = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)];

const syllables = [
  'ka',
  'lo',
  'mer',
  'ti',
  'san',
  'vo',
  'ra',
  'den',
  'pil',
  'gu',
  'ost',
  'ne',
  'bri',
  'ham',
  'zu',
];
const word = (i: number): string => {
  let w = '';
  for (let n = i + 1; n > 0; n = Math.floor(n / syllables.length)) w += syllables[n % syllables.length];
  return w;
};
const VOCABULARY = Array.from({ length: 20_000 }, (_, i) => word(i));
const TYPES = ['PERSON', 'ORGANIZATION', 'LOCATION', 'MISC'] as const;
const ENTITIES = Array.from({ length: 50_000 }, (_, i) => ({
  id: i % 3 === 0 ? `nf:misc:e${i}` : `Q${1000 + i}`,
  name: `${word(i + 500)} ${word(i + 9000)}`,
  type: TYPES[i % 4],
}));
const TOPICS = Array.from({ length: 60 }, (_, i) => `topic-${i}`);
const SOURCES = Array.from({ length: 300 }, (_, i) => `source-${i}`);
const LANGUAGES = ['en', 'fr', 'de', 'es', 'it', 'nl', 'pt', 'sv', 'pl', 'und'];

function article(i: number): MatchableArticle {
  const words = Array.from(
    { length: 250 + Math.floor(random() * 400) },
    () => VOCABULARY[zipf(VOCABULARY.length)],
  );
  const entities = Array.from({ length: 3 + Math.floor(random() * 15) }, () => pick(ENTITIES));
  return {
    articleId: i.toString(16).padStart(32, '0'),
    version: 1 + Math.floor(random() * 3),
    kind: uniform(['created', 'created', 'updated', 'killed'] as const),
    sourceId: pick(SOURCES),
    language: pick(LANGUAGES),
    topics: Array.from({ length: 1 + Math.floor(random() * 3) }, () => pick(TOPICS)),
    entities,
    text: words.join(' '),
  };
}

/** Query words are names and topical words, not the few hundred function words every text has. */
const queryWord = (): string => VOCABULARY[300 + Math.floor(random() * (VOCABULARY.length - 300))];
function query(): string {
  const roll = random();
  if (roll < 0.4) return queryWord();
  if (roll < 0.6) return `${queryWord()} ${queryWord()}`;
  if (roll < 0.75) return `"${queryWord()} ${queryWord()}"`;
  if (roll < 0.9) return `${queryWord()} OR ${queryWord()}`;
  return `${queryWord()} -${queryWord()}`;
}

function subscription(): SubscriptionFilter {
  const roll = random();
  const entity = () => (random() < 0.7 ? pick(ENTITIES).id : pick(ENTITIES).name);
  if (roll < 0.5) {
    const filter: SubscriptionFilter = {
      entities: Array.from({ length: 1 + Math.floor(random() * 3) }, entity),
    };
    if (random() < 0.33) filter.types = [uniform(TYPES)];
    return filter;
  }
  if (roll < 0.75) return { query: query() };
  if (roll < 0.8) return { topics: [pick(TOPICS)], languages: [pick(LANGUAGES)] };
  if (roll < 0.85) return { topics: [pick(TOPICS)], sources: [pick(SOURCES)] };
  if (roll < 0.9) return { sources: [pick(SOURCES)] };
  if (roll < 0.95) return { entities: [entity()], languages: [pick(LANGUAGES)] };
  if (roll < 0.98) return { query: query(), languages: [pick(LANGUAGES)] };
  if (roll < 0.99) return { topics: [pick(TOPICS)] };
  return { languages: [pick(LANGUAGES)], types: ['killed'] };
}

const percentile = (sorted: number[], p: number): number =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];

const articles = Array.from({ length: ARTICLES }, (_, i) => article(i));
const filters = Array.from({ length: 100_000 }, () => subscription());
console.log(
  `matching ${ARTICLES} generated articles (250–650 words, 3–17 entities) per size; seed ${args.seed}; node ${process.version}`,
);
console.log(
  'subscriptions | index build ms | p50 µs/article | p99 µs/article | mean µs | matched/article (mean, max)',
);
for (const size of [1_000, 10_000, 100_000]) {
  const index = new SubscriptionIndex();
  const built = performance.now();
  for (let i = 0; i < size; i += 1) index.add(`s${i}`, filters[i]);
  const buildMs = performance.now() - built;

  // Correctness on a sample, so the timings below are of right answers.
  const compiled = filters.slice(0, size).map((f) => compileFilter(f));
  for (const a of articles.slice(0, 5)) {
    const expected = compiled.flatMap((matches, i) => (matches(a) ? [`s${i}`] : [])).sort();
    const got = index.match(a).sort();
    if (expected.join() !== got.join()) throw new Error(`index and brute force disagree at ${size}`);
  }

  // Fresh copies: each article's tokens are computed once per match, as in production (one event, one match).
  const timed = articles.map((a) => ({ ...a }));
  for (const a of timed.slice(0, 200)) index.match({ ...a }); // warm-up (JIT)
  const micros: number[] = [];
  let matchedTotal = 0;
  let matchedMax = 0;
  for (const a of timed) {
    const started = performance.now();
    const matched = index.match(a);
    micros.push((performance.now() - started) * 1000);
    matchedTotal += matched.length;
    matchedMax = Math.max(matchedMax, matched.length);
  }
  micros.sort((x, y) => x - y);
  const mean = micros.reduce((sum, v) => sum + v, 0) / micros.length;
  console.log(
    [
      String(size).padStart(13),
      buildMs.toFixed(0).padStart(14),
      percentile(micros, 50).toFixed(0).padStart(14),
      percentile(micros, 99).toFixed(0).padStart(14),
      mean.toFixed(0).padStart(7),
      `${(matchedTotal / timed.length).toFixed(1)}, ${matchedMax}`.padStart(12),
    ].join(' | '),
  );
}
