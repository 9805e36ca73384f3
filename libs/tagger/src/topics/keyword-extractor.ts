// Keywords: the phrases an article repeats most, found without any model. Candidates are runs of
// words between stop words and punctuation (the rough shape of English noun phrases: "tropical
// storm", "Supreme Court", "toilet paper"), scored by how often they occur, and kept distinct.

import { normaliseWord } from './word-forms';

export interface Keyword {
  /** The phrase as the article writes it most often ("Hong Kong", "tear gas"). */
  text: string;
  score: number;
  /** Occurrences in headline and body together. */
  count: number;
}

export interface KeywordOptions {
  /** At most this many keywords (default 10). */
  limit: number;
}

const MAX_PHRASE_WORDS = 4;
const HEADLINE_BONUS = 1;
/** A phrase of n words counts 1 + 0.5·(n − 1) per occurrence: "climate change" beats "climate". */
const EXTRA_WORD_BOOST = 0.5;
/** Words that run through every news story; a keyword made only of them is worth a third. */
const GENERIC_DISCOUNT = 1 / 3;
/** Without part-of-speech tags, "-ing" and "-ly" words are more often verbs or adverbs than topics. */
const VERB_DISCOUNT = 1 / 2;
/** A longer phrase holding at least this share of a shorter one's occurrences stands for it. */
const DOMINATING_SHARE = 0.6;

// Function words, reporting verbs and the calendar: they end a candidate phrase and never start one.
const STOP_WORDS = new Set(
  `a about above across after afterwards again against ago ahead all almost along already also although always am
  among amongst an and another any anyone anything anywhere are aren't around as at away back be became because
  become becomes been before beforehand behind being below beside besides between beyond both but by can cannot
  can't could couldn't did didn't do does doesn't doing don't done down due during each either else elsewhere
  enough etc even ever every everyone everything everywhere except few first for former formerly from further
  had hadn't has hasn't have haven't having he he'd he'll he's her here hers herself him himself his how however
  i i'd i'll i'm i've if in including indeed instead into is isn't it it's its itself just last later latter
  least less let like likely made make makes making many may maybe me meanwhile might mine more moreover most
  mostly much must my myself namely near nearly neither never nevertheless next no nobody none nor not nothing
  now nowhere of off often on once one only onto or other others otherwise our ours ourselves out over own per
  perhaps please put quite rather really said same say saying says second see seem seemed seems several she
  she'd she'll she's should shouldn't since so some somehow someone something sometime sometimes somewhere
  still such take taken than that that's the their theirs them themselves then there thereby therefore these
  they they'd they'll they're they've third this those though through throughout thus to today together told
  tomorrow too toward towards under until up upon us very via was wasn't we we'd we'll we're we've well were
  weren't what whatever when whenever where whereas whether which while who whoever whole whom whose why will
  with within without won't would wouldn't yes yesterday yet you you'd you'll you're you've your yours
  yourself yourselves
  according added adds announced asked called comes came claimed go goes going gone got get gets getting give
  given gives giving held including know known reported reportedly reports saw stated tell tells
  think took use used using want wanted went ends ended continue continues continued left remains remained
  named aged dies died kills killed stop stops begins began set sets show shows showed include includes
  one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen
  eighteen nineteen twenty thirty forty fifty hundred hundreds thousand thousands million millions billion
  billions dozen dozens half
  monday tuesday wednesday thursday friday saturday sunday january february march april june july august
  september october november december week weeks month months year years day days time times
  morning afternoon evening night tonight earlier later ago currently recently
  mr mrs ms dr prof st`
    .split(/\s+/)
    .filter((word) => word.length > 0),
);

// Generic news vocabulary (written for this project, not derived from any corpus): fine inside a
// phrase ("Supreme Court"), weak alone.
const GENERIC_WORDS = new Set(
  `people person man men woman women official officials government country countries city state states
  number part place group way thing things lot area areas world national international local new old
  former current public percent total least end home report statement news media spokesperson spokesman
  told first second third last next many much several other others president minister leader team
  company member members year years people's including according early late found change work source live
  started run place form decision matter system status site fourth fifth following becoming board side way
  end ended statement`
    .split(/\s+/)
    .filter((word) => word.length > 0),
);

// A full stop ends a phrase only before a space, so "U.S." and "Ask.com" stay whole.
const SEGMENT_BREAK = /\.(?=\s|$)|[,;:!?()[\]{}"“”‘«»…|/\\—–\n]|\s-\s|'(?=\s)|(?<=\s)'/u;
const DOTTED_ACRONYM = /^(?:\p{Lu}\.)+\p{Lu}$/u;
const WORD = /^[\p{L}\p{N}]+(?:['’\-.&][\p{L}\p{N}]+)*\.?$/u;
const HAS_LETTER = /\p{L}/u;

interface Candidate {
  key: string;
  words: number;
  count: number;
  inHeadline: boolean;
  firstSeen: number;
  surfaces: Map<string, number>;
  generic: boolean;
}

/** Up to `limit` keywords for a text (the body) and its headline, best first. Deterministic. */
export function extractKeywords(
  text: string,
  headline = '',
  options: Partial<KeywordOptions> = {},
): Keyword[] {
  const limit = options.limit ?? 10;
  const candidates = new Map<string, Candidate>();
  let position = 0;
  for (const [source, isHeadline] of [
    [headline, true],
    [text, false],
  ] as const) {
    for (const run of candidateRuns(source)) {
      for (let start = 0; start < run.length; start++) {
        let key = '';
        let surface = '';
        let generic = true;
        for (let length = 1; length <= MAX_PHRASE_WORDS && start + length <= run.length; length++) {
          const word = run[start + length - 1];
          key = length === 1 ? word.key : `${key} ${word.key}`;
          surface = length === 1 ? word.surface : `${surface} ${word.surface}`;
          generic &&= word.generic;
          addCandidate(candidates, key, surface, length, generic, isHeadline, position++);
        }
      }
    }
  }

  const dominated = dominatedPhrases(candidates);
  const scored = [...candidates.values()]
    .filter((candidate) => !dominated.has(candidate.key) && !looksLikePastTense(candidate))
    .map((candidate) => ({
      candidate,
      score:
        (candidate.count * (1 + EXTRA_WORD_BOOST * (candidate.words - 1)) +
          (candidate.inHeadline ? HEADLINE_BONUS : 0)) *
        (candidate.generic ? GENERIC_DISCOUNT : 1) *
        (looksLikeVerbOrAdverb(candidate) ? VERB_DISCOUNT : 1),
    }));
  scored.sort((a, b) => b.score - a.score || a.candidate.firstSeen - b.candidate.firstSeen || compare(a, b));

  const chosen: Array<{ candidate: Candidate; score: number; parts: Set<string> }> = [];
  for (const entry of scored) {
    if (chosen.length >= limit) break;
    // A phrase seen once is noise, even in the headline (headline verbs: "kills", "bans", "urges").
    if (entry.candidate.count < 2) continue;
    const parts = new Set(entry.candidate.key.split(' '));
    // "Trump" and "Donald Trump" are one keyword: skip any phrase nested in, or nesting, a chosen one.
    if (chosen.some((kept) => isSubset(parts, kept.parts) || isSubset(kept.parts, parts))) continue;
    chosen.push({ ...entry, parts });
  }
  return chosen.map(({ candidate, score }) => ({
    text: displayForm(candidate),
    score: Math.round(score * 100) / 100,
    count: candidate.count,
  }));
}

/**
 * A phrase that mostly occurs inside one longer phrase ("Hagia" in "Hagia Sophia", "United" in
 * "United States") is not a keyword of its own: the longer phrase stands for it.
 */
function dominatedPhrases(candidates: ReadonlyMap<string, Candidate>): Set<string> {
  const dominated = new Set<string>();
  for (const candidate of candidates.values()) {
    if (candidate.words < 2 || candidate.count < 2) continue;
    const key = candidate.key;
    for (const part of [key.slice(0, key.lastIndexOf(' ')), key.slice(key.indexOf(' ') + 1)]) {
      const shorter = candidates.get(part);
      if (shorter !== undefined && candidate.count >= DOMINATING_SHARE * shorter.count) dominated.add(part);
    }
  }
  return dominated;
}

/** One lower-case word ending like a past tense ("issued", "indicated"; not "speed"): never a keyword. */
function looksLikePastTense(candidate: Candidate): boolean {
  if (candidate.words !== 1 || candidate.key.length <= 4 || !/[^e]ed$/u.test(candidate.key)) return false;
  const form = displayForm(candidate);
  return form === form.toLowerCase();
}

/**
 * One lower-case word ending like a participle or an adverb ("becoming", "seriously"): often not a
 * topic, but "flooding", "bombing" and "family" are, so these are only discounted.
 */
function looksLikeVerbOrAdverb(candidate: Candidate): boolean {
  if (candidate.words !== 1) return false;
  const form = displayForm(candidate);
  return form === form.toLowerCase() && /(?:ing|ly)$/u.test(form);
}

function compare(a: { candidate: Candidate }, b: { candidate: Candidate }): number {
  return a.candidate.key < b.candidate.key ? -1 : a.candidate.key > b.candidate.key ? 1 : 0;
}

interface RunWord {
  surface: string;
  /** Lower case, singular: "Protesters" and "protester" are one keyword. */
  key: string;
  generic: boolean;
}

/** Runs of content words between punctuation and stop words. */
function candidateRuns(text: string): RunWord[][] {
  const runs: RunWord[][] = [];
  for (const segment of text.split(SEGMENT_BREAK)) {
    let run: RunWord[] = [];
    for (const raw of segment.split(/\s+/)) {
      const word = runWord(raw);
      if (word === null) {
        if (run.length > 0) runs.push(run);
        run = [];
      } else {
        run.push(word);
      }
    }
    if (run.length > 0) runs.push(run);
  }
  return runs;
}

const MAX_CACHED_TOKENS = 50_000;
const tokenCache = new Map<string, RunWord | null>();

/** The content word a whitespace-separated token stands for, or null when it ends a run. Cached. */
function runWord(raw: string): RunWord | null {
  let word = tokenCache.get(raw);
  if (word === undefined) {
    word = parseToken(raw);
    if (tokenCache.size >= MAX_CACHED_TOKENS) tokenCache.clear();
    tokenCache.set(raw, word);
  }
  return word;
}

function parseToken(raw: string): RunWord | null {
  let surface = raw.replace(/^['’]+|['’]+$/gu, '').replace(/['’]s$/u, '');
  if (DOTTED_ACRONYM.test(surface)) surface = `${surface}.`;
  const lower = surface.toLowerCase();
  if (!WORD.test(surface) || !HAS_LETTER.test(surface) || surface.length < 2 || STOP_WORDS.has(lower)) {
    return null;
  }
  return { surface, key: normaliseWord(surface), generic: GENERIC_WORDS.has(lower) };
}

function addCandidate(
  candidates: Map<string, Candidate>,
  key: string,
  surface: string,
  words: number,
  generic: boolean,
  inHeadline: boolean,
  position: number,
): void {
  let candidate = candidates.get(key);
  if (candidate === undefined) {
    candidate = {
      key,
      words,
      count: 0,
      inHeadline: false,
      firstSeen: position,
      surfaces: new Map(),
      generic,
    };
    candidates.set(key, candidate);
  }
  candidate.count++;
  candidate.inHeadline ||= inHeadline;
  // Headlines capitalise every word in some styles; only the body decides how a phrase is written.
  if (!inHeadline) candidate.surfaces.set(surface, (candidate.surfaces.get(surface) ?? 0) + 1);
}

/**
 * The most frequent way the body writes the phrase (on a tie, the one with fewer capitals: a
 * sentence-initial "Police" loses to "police"); lower case when only a headline has it.
 */
function displayForm(candidate: Candidate): string {
  let best = candidate.key;
  let bestCount = 0;
  for (const [surface, count] of candidate.surfaces) {
    const better =
      count > bestCount ||
      (count === bestCount && (capitals(surface) - capitals(best) || (surface < best ? -1 : 1)) < 0);
    if (better) {
      best = surface;
      bestCount = count;
    }
  }
  return best;
}

function capitals(text: string): number {
  let count = 0;
  for (const character of text) if (character !== character.toLowerCase()) count++;
  return count;
}

function isSubset(small: ReadonlySet<string>, large: ReadonlySet<string>): boolean {
  if (small.size > large.size) return false;
  for (const word of small) if (!large.has(word)) return false;
  return true;
}
