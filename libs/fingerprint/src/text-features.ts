/**
 * Text normalisation and word-shingle hashing for SimHash. Kept apart from the fingerprint so the
 * evaluation can try other shingle sizes and weightings with the same code.
 */

const enum CharClass {
  Other = 0,
  Word = 1,
  Upper = 2,
  Apostrophe = 3,
}

const ASCII_CLASSES = new Uint8Array(128).map((_, code) => {
  if (code >= 0x61 && code <= 0x7a) return CharClass.Word;
  if (code >= 0x30 && code <= 0x39) return CharClass.Word;
  if (code >= 0x41 && code <= 0x5a) return CharClass.Upper;
  return code === 0x27 ? CharClass.Apostrophe : CharClass.Other;
});
const WORD_CHARACTER = /^[\p{L}\p{N}\p{M}]$/u;
const APOSTROPHES = new Set([0x2019, 0x02bc, 0x2018]);

function classify(code: number, text: string, index: number): CharClass {
  if (code < 128) return ASCII_CLASSES[code] ?? CharClass.Other;
  if (APOSTROPHES.has(code)) return CharClass.Apostrophe;
  // Non-ASCII: a letter, digit or combining mark (so Devanagari or Thai words hold together).
  // Upper is returned so the token is lower-cased with full Unicode rules.
  const codePoint = text.codePointAt(index) ?? code;
  if (code >= 0xdc00 && code <= 0xdfff) return CharClass.Upper; // second half of a pair already judged
  return WORD_CHARACTER.test(String.fromCodePoint(codePoint)) ? CharClass.Upper : CharClass.Other;
}

/**
 * The words a reader sees: NFKC, lower case, split at anything that is not a letter, digit or mark.
 * Apostrophes inside words ("ISIL's", "don’t") are dropped rather than split on, so "ISIL's" and
 * "ISILs" — a common re-keying difference — give the same token. A hand-written scanner, because
 * the equivalent Unicode regular expressions cost about five times as much on news text.
 */
export function normalizedWords(text: string): string[] {
  const normalized = text.normalize('NFKC');
  const words: string[] = [];
  let start = -1;
  let needsLowerCase = false;
  let hasApostrophe = false;
  const finish = (end: number): void => {
    let word = normalized.slice(start, end);
    if (hasApostrophe) word = word.replace(/['\u2019\u02bc\u2018]/g, '');
    words.push(needsLowerCase ? word.toLowerCase() : word);
    start = -1;
  };
  for (let index = 0; index < normalized.length; index++) {
    const code = normalized.charCodeAt(index);
    const charClass = classify(code, normalized, index);
    if (charClass === CharClass.Word || charClass === CharClass.Upper) {
      if (start === -1) {
        start = index;
        needsLowerCase = false;
        hasApostrophe = false;
      }
      if (charClass === CharClass.Upper) needsLowerCase = true;
    } else if (start !== -1) {
      const next = normalized.charCodeAt(index + 1);
      const nextClass = Number.isNaN(next) ? CharClass.Other : classify(next, normalized, index + 1);
      if (
        charClass === CharClass.Apostrophe &&
        (nextClass === CharClass.Word || nextClass === CharClass.Upper)
      ) {
        hasApostrophe = true;
      } else {
        finish(index);
      }
    }
  }
  if (start !== -1) finish(normalized.length);
  return words;
}

/** FNV-1a over UTF-16 code units, finished with murmur3's fmix32 so every output bit avalanches. */
export function hashWord(word: string): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < word.length; index++) {
    hash ^= word.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193);
  }
  return fmix32(hash);
}

export function fmix32(value: number): number {
  let hash = value;
  hash ^= hash >>> 16;
  hash = Math.imul(hash, 0x85ebca6b);
  hash ^= hash >>> 13;
  hash = Math.imul(hash, 0xc2b2ae35);
  hash ^= hash >>> 16;
  return hash >>> 0;
}

function rotl32(value: number, bits: number): number {
  return ((value << bits) | (value >>> (32 - bits))) >>> 0;
}

export interface ShingleHashes {
  /** Upper and lower 32 bits of each shingle's 64-bit hash, in text order. */
  high: Uint32Array;
  low: Uint32Array;
}

/**
 * A 64-bit hash (two 32-bit halves) of every run of `size` consecutive words, in order. A text
 * shorter than `size` words gives one shingle of all its words, so a two-word text still has one.
 */
export function shingleHashes(words: readonly string[], size: number): ShingleHashes {
  const count = words.length === 0 ? 0 : Math.max(1, words.length - size + 1);
  const high = new Uint32Array(count);
  const low = new Uint32Array(count);
  const wordHashes = new Uint32Array(words.length);
  for (let index = 0; index < words.length; index++) wordHashes[index] = hashWord(words[index] ?? '');
  const width = Math.min(size, words.length);
  for (let start = 0; start < count; start++) {
    // Two independent order-sensitive combinations of the word hashes give the two halves.
    let upper = 0x9e3779b9;
    let lower = 0x7f4a7c15;
    for (let offset = 0; offset < width; offset++) {
      const wordHash = wordHashes[start + offset] ?? 0;
      upper = Math.imul(rotl32(upper, 5) ^ wordHash, 0x27d4eb2d);
      lower = Math.imul(rotl32(lower, 11) ^ wordHash, 0x165667b1) + offset;
    }
    high[start] = fmix32(upper ^ width);
    low[start] = fmix32(lower ^ Math.imul(width, 0x85ebca77));
  }
  return { high, low };
}
