import { MEDIA_TOPICS, type MediaTopicCode } from './media-topics';
import { CUE_WEIGHTS, TOPIC_LEXICONS } from './topic-lexicons';
import { normalisedWords } from './word-forms';

/** One top-level topic assigned to a text, with the evidence for it. */
export interface TopicAssignment {
  /** IPTC qcode, `medtop:01000000` … `medtop:17000000`. */
  code: MediaTopicCode;
  label: string;
  /** Cue weight per 100 words of the body, plus the weight of the cues in the headline (× 1.5). */
  score: number;
  /** The cues that fired, strongest contribution first (at most 10). */
  cues: string[];
}

export interface TopicClassifierOptions {
  /** A topic needs at least this score… */
  minScore: number;
  /** …and at least this share of the best topic's score. */
  minShareOfBest: number;
  /** At most this many topics per text. */
  maxTopics: number;
}

// Chosen on the `tune` split of eval/labels.json, the best micro F1 of the sweep `npm run eval:topics` prints.
export const DEFAULT_TOPIC_OPTIONS: TopicClassifierOptions = {
  minScore: 8,
  minShareOfBest: 0.35,
  maxTopics: 3,
};

/** Headline cues say more about the subject than the same cue deep in the body. */
const HEADLINE_WEIGHT = 1.5;
/** Texts shorter than this are scored as if they had this many words, so one cue is not 100 %. */
const MIN_BODY_WORDS = 80;
/** A cue repeated many times counts at most this often per 100 words (plus 2). */
const REPEATS_PER_100_WORDS = 1;
const MAX_CUES_SHOWN = 10;

interface Cue {
  topic: number;
  text: string;
  words: string[];
  weight: number;
}

interface CueIndex {
  /** Cues by their first normalised word, longest first. */
  byFirstWord: Map<string, Cue[]>;
}

let cueIndex: CueIndex | undefined;

function buildCueIndex(): CueIndex {
  const byFirstWord = new Map<string, Cue[]>();
  TOPIC_LEXICONS.forEach((lexicon, position) => {
    const topic = MEDIA_TOPICS.findIndex(({ code }) => code === lexicon.code);
    if (topic !== position) throw new Error(`topic lexicons out of order at ${lexicon.code}`);
    for (const strength of ['strong', 'medium', 'weak', 'block'] as const) {
      for (const text of splitCueList(lexicon[strength] ?? '')) {
        const words = normalisedWords(text);
        if (words.length === 0) continue;
        const cue: Cue = { topic, text, words, weight: CUE_WEIGHTS[strength] };
        const list = byFirstWord.get(words[0]) ?? [];
        list.push(cue);
        byFirstWord.set(words[0], list);
      }
    }
  });
  for (const list of byFirstWord.values()) list.sort((a, b) => b.words.length - a.words.length);
  return { byFirstWord };
}

function splitCueList(list: string): string[] {
  return list
    .split(',')
    .map((cue) => cue.trim().replace(/\s+/g, ' '))
    .filter((cue) => cue.length > 0);
}

interface CueCount {
  cue: Cue;
  count: number;
}

/**
 * Finds cue occurrences: at each word, for each topic, the longest cue starting there, unless a
 * longer cue of the same topic already covers the word. Cues of different topics may overlap
 * ("hurricane" is evidence for weather and for disaster).
 */
function countCues(words: readonly string[], index: CueIndex): Map<Cue, CueCount> {
  const counts = new Map<Cue, CueCount>();
  const coveredUntil = new Array<number>(MEDIA_TOPICS.length).fill(0);
  for (let i = 0; i < words.length; i++) {
    const candidates = index.byFirstWord.get(words[i]);
    if (candidates === undefined) continue;
    for (const cue of candidates) {
      if (coveredUntil[cue.topic] > i || !matchesAt(words, i, cue.words)) continue;
      coveredUntil[cue.topic] = i + cue.words.length;
      const entry = counts.get(cue) ?? { cue, count: 0 };
      entry.count++;
      counts.set(cue, entry);
    }
  }
  return counts;
}

function matchesAt(words: readonly string[], start: number, cueWords: readonly string[]): boolean {
  if (start + cueWords.length > words.length) return false;
  for (let j = 1; j < cueWords.length; j++) if (words[start + j] !== cueWords[j]) return false;
  return true;
}

/**
 * Scores all 17 topics for a text (the body) and an optional headline, best first. Topics without
 * any cue score 0. `classifyTopics` applies the threshold and the cap on top of this.
 */
export function scoreTopics(text: string, headline = ''): TopicAssignment[] {
  cueIndex ??= buildCueIndex();
  const bodyWords = normalisedWords(text);
  const bodyCounts = countCues(bodyWords, cueIndex);
  const headlineCounts = countCues(normalisedWords(headline), cueIndex);
  const effectiveWords = Math.max(bodyWords.length, MIN_BODY_WORDS);
  const maxRepeats = 2 + Math.ceil((effectiveWords / 100) * REPEATS_PER_100_WORDS);

  const contributions = MEDIA_TOPICS.map(() => new Map<string, number>());
  for (const { cue, count } of bodyCounts.values()) {
    if (cue.weight === 0) continue;
    const value = (cue.weight * Math.min(count, maxRepeats) * 100) / effectiveWords;
    addTo(contributions[cue.topic], cue.text, value);
  }
  for (const { cue } of headlineCounts.values()) {
    if (cue.weight === 0) continue;
    addTo(contributions[cue.topic], cue.text, cue.weight * HEADLINE_WEIGHT);
  }

  return MEDIA_TOPICS.map(({ code, label }, topic) => {
    const byCue = [...contributions[topic].entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
    const score = byCue.reduce((sum, [, value]) => sum + value, 0);
    return {
      code,
      label,
      score: Math.round(score * 100) / 100,
      cues: byCue.slice(0, MAX_CUES_SHOWN).map(([cue]) => cue),
    };
  }).sort((a, b) => b.score - a.score || (a.code < b.code ? -1 : 1));
}

function addTo(map: Map<string, number>, key: string, value: number): void {
  map.set(key, (map.get(key) ?? 0) + value);
}

/**
 * Zero to three top-level IPTC Media Topics for an English text, each with its score and the cues
 * that fired. `text` is the body; pass the headline separately so its cues weigh more.
 */
export function classifyTopics(
  text: string,
  headline = '',
  options: Partial<TopicClassifierOptions> = {},
): TopicAssignment[] {
  return selectTopics(scoreTopics(text, headline), { ...DEFAULT_TOPIC_OPTIONS, ...options });
}

/** The threshold and cap of `classifyTopics`, applied to scores from `scoreTopics` (best first). */
export function selectTopics(
  scored: readonly TopicAssignment[],
  options: TopicClassifierOptions,
): TopicAssignment[] {
  const best = scored[0]?.score ?? 0;
  const floor = Math.max(options.minScore, best * options.minShareOfBest);
  return scored.filter((topic) => topic.score > 0 && topic.score >= floor).slice(0, options.maxTopics);
}
