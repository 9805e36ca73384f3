import { CALENDAR_WORDS } from '../lexicon/english-cues.lexicon';
import type { ModelToken } from '../model/text-sentences';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const DASHES = new Set(['-', '–', '—']);
const LOWER_LETTER = /\p{Ll}/u;
/** A dateline's place has at most this many words ("RIO DE JANEIRO"). */
const MAX_PLACE_WORDS = 3;
/** How far after the place the date, the agency or the dash must come. */
const LOOKAHEAD = 8;

/**
 * How many tokens at the start of a line are a dateline's place of filing: "BONN 1996-08-30",
 * "WASHINGTON (Reuters) -", "KYIV, Ukraine —", "BRUSSELS, Nov 27 (Reuters) -",
 * "WASHINGTON — The Senate voted"; 0 when the line does not open with one. An all-caps headline
 * ("SOCCER - GERMAN LEAGUE RESULTS") is not a dateline: a dateline's line goes on in mixed case
 * or with a date.
 */
export function datelinePlaceLength(text: string, tokens: readonly ModelToken[]): number {
  if (tokens.length < 2 || !opensLine(text, tokens[0])) return 0;
  let k = 0;
  while (k < tokens.length && k < MAX_PLACE_WORDS && tokens[k].kind === 'word' && tokens[k].allCaps) k += 1;
  if (k === 0 || k === tokens.length) return 0;
  const next = tokens[k].text;
  if (ISO_DATE.test(next)) return k;
  const window = tokens.slice(k + 1, k + 1 + LOOKAHEAD);
  if (!window.some((token) => LOWER_LETTER.test(token.text))) return 0;
  if (next === '(' && tokens[k + 1].capitalised) return k;
  if (DASHES.has(next)) return k;
  if (next === ',' && tokens[k + 1].capitalised)
    return window.some(
      (token) =>
        ISO_DATE.test(token.text) ||
        CALENDAR_WORDS.has(token.text) ||
        token.text === '(' ||
        DASHES.has(token.text),
    )
      ? k
      : 0;
  return 0;
}

function opensLine(text: string, token: ModelToken): boolean {
  let index = token.start - 1;
  while (index >= 0 && (text.charAt(index) === ' ' || text.charAt(index) === '\t')) index -= 1;
  return index < 0 || text.charAt(index) === '\n';
}
