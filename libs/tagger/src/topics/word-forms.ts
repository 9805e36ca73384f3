// Word splitting and a deliberately tiny normaliser shared by the topic cues and the text they are
// matched against. Both sides go through the same function, so a cue written "election" matches
// "elections" and "Election's"; verb forms ("killed", "killing") are listed in the lexicons by hand
// because suffix-stripping them breaks too many words ("bed", "king", "news").

// Splitting on everything but letters, digits and apostrophes is several times faster than matching
// words one by one; apostrophes left at a word's edge are dropped by the normaliser.
const NON_WORD = /[^\p{L}\p{N}'’]+/u;

/** Plural-looking words that are not plurals of anything a cue names. */
const KEEP_FINAL_S = new Set(['news', 'series', 'species', 'aids', 'arms', 'means', 'mars', 'lens']);

/**
 * Lower case, without a possessive, and with a regular English plural reduced to its singular
 * ("countries" → "country", "crashes" → "crash", "votes" → "vote"). Not a stemmer: verb endings stay.
 */
export function normaliseWord(word: string): string {
  let normalised = cache.get(word);
  if (normalised === undefined) {
    normalised = normalise(word);
    // News vocabulary is Zipfian: a bounded cache holds nearly every word seen and keeps memory flat.
    if (cache.size >= MAX_CACHED_WORDS) cache.clear();
    cache.set(word, normalised);
  }
  return normalised;
}

const MAX_CACHED_WORDS = 50_000;
const cache = new Map<string, string>();

function normalise(word: string): string {
  let w = word.toLowerCase().replace(/['’]s$/u, '');
  w = w.replace(/['’]/gu, '');
  if (w.length <= 3 || KEEP_FINAL_S.has(w) || !w.endsWith('s')) return w;
  if (w.endsWith('ies') && w.length > 4) return `${w.slice(0, -3)}y`;
  if (/(?:ss|sh|ch|x|z)es$/u.test(w)) return w.slice(0, -2);
  if (/(?:ss|us|is|ics)$/u.test(w)) return w;
  return w.slice(0, -1);
}

/** The normalised words of a text, in order. Hyphenated compounds count as their parts. */
export function normalisedWords(text: string): string[] {
  const words: string[] = [];
  for (const token of text.split(NON_WORD)) {
    if (token.length === 0) continue;
    const word = normaliseWord(token);
    if (word.length > 0) words.push(word);
  }
  return words;
}
