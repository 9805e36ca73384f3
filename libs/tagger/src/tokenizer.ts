export type TokenKind = 'word' | 'punct' | 'newline';

export interface Token {
  kind: TokenKind;
  /** Index into the source text (UTF-16 code units), end exclusive. */
  start: number;
  end: number;
  text: string;
  /** First character is an upper-case letter. */
  capitalised: boolean;
  /** At least two letters and none of them lower-case: "NATO", "U.S.", "WASHINGTON". */
  allCaps: boolean;
  /** First word of a sentence, a quotation or a line: its capital says nothing about being a name. */
  sentenceStart: boolean;
  line: number;
}

// Dotted acronyms first ("U.S.", "U.N."), then words with inner apostrophes, hyphens, ampersands
// or dots ("O'Brien", "Kassym-Jomart", "AT&T", "Ask.com"), then newlines and single punctuation marks.
const TOKEN_PATTERN =
  /(?:\p{Lu}\.){2,}|[\p{L}\p{N}][\p{L}\p{M}\p{N}]*(?:['’\-&.][\p{L}\p{M}\p{N}]+)*|\n|[^\s\p{L}\p{N}]/gu;
const UPPER_START = /^\p{Lu}/u;
const HAS_LOWER = /\p{Ll}/u;
const TWO_LETTERS = /\p{L}.*\p{L}/u;

const SENTENCE_END = new Set(['.', '!', '?', ':', ';', '…']);
const OPENING_QUOTES = new Set(['“', '"', '«']);
const DASHES = new Set(['-', '–', '—']);

/**
 * Words that end with a period without ending the sentence. Keeps "Dr. Jane Doe" and "St. Louis"
 * from looking like sentence starts.
 */
export const ABBREVIATIONS = new Set([
  'Mr',
  'Mrs',
  'Ms',
  'Mx',
  'Dr',
  'Prof',
  'St',
  'Mt',
  'Ft',
  'Jr',
  'Sr',
  'Gen',
  'Lt',
  'Col',
  'Maj',
  'Capt',
  'Sgt',
  'Cpl',
  'Pvt',
  'Adm',
  'Sen',
  'Rep',
  'Gov',
  'Rev',
  'Hon',
  'Pres',
  'Co',
  'Corp',
  'Inc',
  'Ltd',
  'Bros',
  'No',
  'Jan',
  'Feb',
  'Mar',
  'Apr',
  'Jun',
  'Jul',
  'Aug',
  'Sep',
  'Sept',
  'Oct',
  'Nov',
  'Dec',
  'vs',
  'etc',
  'approx',
]);

const isUpperCaseWord = (token: Token | undefined): boolean =>
  token?.kind === 'word' &&
  token.text.length > 1 &&
  token.text === token.text.toUpperCase() &&
  /\p{Lu}/u.test(token.text);

export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let line = 0;
  // A sentence starts at the beginning of the text, after end punctuation, after a line break, and
  // inside an opening quotation mark.
  let atSentenceStart = true;
  for (const match of text.matchAll(TOKEN_PATTERN)) {
    const value = match[0];
    const start = match.index;
    if (value === '\n') {
      tokens.push(makeToken('newline', start, value, false, line));
      line += 1;
      atSentenceStart = true;
      continue;
    }
    const first = value.charCodeAt(0);
    const isWord = value.length > 1 || isLetterOrDigit(value);
    if (!isWord) {
      const previous = tokens.at(-1);
      if (value === '.' && previous?.kind === 'word' && isAbbreviation(previous.text)) {
        // "Dr." and "J." do not end a sentence.
      } else if (SENTENCE_END.has(value)) {
        atSentenceStart = true;
      } else if (DASHES.has(value) && (previous?.text === ')' || isUpperCaseWord(previous))) {
        // "GENEVA, May 4 (Reuters) - Health officials …" and "GENEVA — Officials …": the story
        // starts after the dateline.
        atSentenceStart = true;
      } else if (OPENING_QUOTES.has(value) && opensQuotation(text, start)) {
        // Quoted speech starts with a capital whatever the first word is.
        atSentenceStart = true;
      }
      tokens.push(makeToken('punct', start, value, atSentenceStart, line));
      continue;
    }
    const token = makeToken('word', start, value, atSentenceStart, line);
    // Digits glued to letters ("2025Updated") are layout debris, never names.
    if (first >= 48 && first <= 57) token.capitalised = false;
    tokens.push(token);
    atSentenceStart = false;
  }
  return tokens;
}

function makeToken(
  kind: TokenKind,
  start: number,
  text: string,
  sentenceStart: boolean,
  line: number,
): Token {
  const capitalised = kind === 'word' && UPPER_START.test(text);
  return {
    kind,
    start,
    end: start + text.length,
    text,
    capitalised,
    allCaps: capitalised && !HAS_LOWER.test(text) && TWO_LETTERS.test(text),
    sentenceStart,
    line,
  };
}

function isLetterOrDigit(value: string): boolean {
  return /[\p{L}\p{N}]/u.test(value);
}

/** A single capital letter ("J.") or a listed abbreviation. */
export function isAbbreviation(word: string): boolean {
  return (word.length === 1 && UPPER_START.test(word)) || ABBREVIATIONS.has(word);
}

function opensQuotation(text: string, index: number): boolean {
  if (index === 0) return true;
  const before = text.charCodeAt(index - 1);
  // Space, tab, newline or another opening mark before it: an opening, not a closing, mark.
  return before === 32 || before === 9 || before === 10 || before === 13 || before === 40 || before === 8220;
}
