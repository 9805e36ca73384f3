import {
  CALENDAR_NAMES,
  CALENDAR_WORDS,
  DEMONYMS,
  FIRST_NAMES,
  HYPHEN_NAME_PREFIXES,
  LOCATION_SUFFIXES,
  MISC_SUFFIXES,
  NAME_PARTICLES,
  NON_NAME_WORDS,
  OF_HEADS,
  ORGANIZATION_SUFFIXES,
  PRONOUNS,
  TITLES,
  TITLE_SURNAMES,
} from '../lexicon/english-cues.lexicon';
import type { Gazetteer } from '../gazetteer/gazetteer';
import { isAbbreviation, tokenize, type Token } from '../tokenizer';

/**
 * A capitalised stretch of text that may name one entity, before typing. Offsets already exclude
 * titles, leading sentence openers and a trailing possessive "'s".
 */
export interface NameSegment {
  /** Word and inner punctuation tokens ("Dr", ".", "Jane", "Doe"). */
  tokens: Token[];
  start: number;
  end: number;
  /** A title stood right before it ("President", "Dr."). */
  afterTitle: boolean;
  /** Its first word opens a sentence, so its capital proves nothing. */
  atSentenceStart: boolean;
  /** Found in a headline or title-case line, where every word is capitalised. */
  inHeadline: boolean;
  /** The token before the segment (skipping nothing), for cues like "in Berlin". */
  previous: Token | undefined;
  /** The token after the segment, for cues like "Smith said". */
  following: Token | undefined;
}

const POSSESSIVE = /['’]s$/;
/** Name suffixes whose period belongs to the name and closes it ("Jr.", "Inc."). */
const CLOSING_ABBREVIATIONS = new Set(['Jr', 'Sr', 'Inc', 'Ltd', 'Corp', 'Co', 'Bros']);
const MINOR_TITLE_WORDS = new Set(
  'a an the and or but nor of to in on at for by with as from vs via into over up off out is are was were be been it its his her their after before'.split(
    ' ',
  ),
);
const JOINING_WORDS = new Set(['of', 'for', 'on']);

/** Apostrophes normalised, for list lookups. */
export function plain(text: string): string {
  return text.includes('’') ? text.replace(/’/g, "'") : text;
}

/** Title phrases as token texts, longest first, indexed by their first token. */
function indexTitles(titles: readonly string[]): Map<string, string[][]> {
  const index = new Map<string, string[][]>();
  for (const title of titles) {
    const parts = tokenize(title).map((token) => token.text);
    const first = parts[0];
    if (first === undefined) continue;
    const list = index.get(first) ?? [];
    list.push(parts);
    index.set(first, list);
  }
  for (const list of index.values()) list.sort((a, b) => b.length - a.length);
  return index;
}

const TITLE_INDEX = indexTitles(TITLES);

/**
 * Splits English text into name segments: runs of capitalised words joined by particles
 * ("de", "von der") and, after an organisation or place head, by "of"/"for"; titles cut runs
 * and mark the following name as a person; all-caps lines are skipped.
 */
export class NameSegmenter {
  constructor(private readonly gazetteer: Gazetteer) {}

  segment(tokens: readonly Token[]): NameSegment[] {
    const lines = classifyLines(tokens);
    const segments: NameSegment[] = [];
    let index = 0;
    while (index < tokens.length) {
      const token = tokens[index];
      const line = lines[token.line] ?? 'prose';
      if (line === 'all-caps' || !(this.isNameWord(tokens, index) || this.titleLength(tokens, index) > 0)) {
        index += 1;
        continue;
      }
      const runEnd = this.scanRun(tokens, index);
      this.splitRun(tokens, index, runEnd, line === 'headline', segments);
      index = Math.max(runEnd, index + 1);
    }
    return segments;
  }

  /** Returns the index after the last token of the run starting at `start`. */
  private scanRun(tokens: readonly Token[], start: number): number {
    let index = start;
    for (;;) {
      const title = this.titleLength(tokens, index);
      if (title > 0) {
        index += title;
      } else if (this.isNameWord(tokens, index)) {
        const word = tokens[index];
        index += 1;
        if (POSSESSIVE.test(word.text) || truncatedHyphenWord(word) !== undefined) return index;
        const next = tokens[index];
        if (next?.text === '.' && isAbbreviation(word.text)) {
          if (CLOSING_ABBREVIATIONS.has(word.text)) return index + 1;
          if (!this.isNameWord(tokens, index + 1)) return index;
          index += 1;
        }
      } else {
        return index;
      }
      index = this.skipConnectors(tokens, index);
      const next = tokens[index];
      if (next === undefined || next.line !== tokens[start].line) return index;
      if (!this.isNameWord(tokens, index) && this.titleLength(tokens, index) === 0) return index;
    }
  }

  /** Skips "de", "von der", "of the", "&" when a name word follows them. */
  private skipConnectors(tokens: readonly Token[], index: number): number {
    const previous = tokens[index - 1];
    let cursor = index;
    while (cursor < tokens.length && NAME_PARTICLES.has(tokens[cursor].text) && cursor - index < 2)
      cursor += 1;
    if (cursor > index && this.isNameWord(tokens, cursor)) return cursor;
    const word = tokens[index];
    if (word === undefined || previous === undefined) return index;
    if (word.text === '&' && this.isNameWord(tokens, index + 1)) return index + 1;
    if (JOINING_WORDS.has(word.text) && OF_HEADS.has(previous.text)) {
      if (this.isNameWord(tokens, index + 1)) return index + 1;
      if (tokens[index + 1]?.text === 'the' && this.isNameWord(tokens, index + 2)) return index + 2;
    }
    return index;
  }

  /** Number of tokens of the longest title at `index`, or 0. */
  private titleLength(tokens: readonly Token[], index: number): number {
    const first = tokens[index];
    if (first === undefined || !first.capitalised) return 0;
    for (const title of TITLE_INDEX.get(first.text) ?? []) {
      if (title.every((part, offset) => tokens[index + offset]?.text === part)) return title.length;
    }
    return 0;
  }

  private isNameWord(tokens: readonly Token[], index: number): boolean {
    const token = tokens[index];
    if (token === undefined || token.kind !== 'word') return false;
    const text = plain(token.text);
    if (!token.capitalised) {
      // "al-Assad", "iPhone"
      const hyphen = text.indexOf('-');
      if (
        hyphen > 0 &&
        HYPHEN_NAME_PREFIXES.has(text.slice(0, hyphen)) &&
        /^\p{Lu}/u.test(text.slice(hyphen + 1))
      )
        return true;
      return /^\p{Ll}\p{Lu}/u.test(text);
    }
    if (PRONOUNS.has(text)) return false;
    if (CALENDAR_WORDS.has(text)) {
      // "Theresa May", "Prime Minister May"
      const previous = tokens[index - 1];
      return (
        CALENDAR_NAMES.has(text) &&
        previous !== undefined &&
        (FIRST_NAMES.has(previous.text) || this.titleLength(tokens, index - 1) === 1)
      );
    }
    return true;
  }

  /** Cuts a run at titles and nationality adjectives and trims what cannot start a name. */
  private splitRun(
    tokens: readonly Token[],
    start: number,
    end: number,
    inHeadline: boolean,
    out: NameSegment[],
  ): void {
    let pieceStart = start;
    let afterTitle = false;
    let index = start;
    while (index < end) {
      const title = this.titleLength(tokens, index);
      if (title > 0 && this.actsAsTitle(tokens, index, title, end)) {
        this.emit(tokens, pieceStart, index, afterTitle, inHeadline, out);
        index += title;
        pieceStart = index;
        afterTitle = true;
      } else {
        index += 1;
      }
    }
    this.emit(tokens, pieceStart, end, afterTitle, inHeadline, out);
  }

  /**
   * A title word is part of the name when the whole thing is a known name ("Pope Francis"), when the
   * name after it is an organisation or place ("General Motors", "Prince Edward Island"), or when
   * nothing follows and the word doubles as a surname ("Joseph Lord").
   */
  private actsAsTitle(tokens: readonly Token[], index: number, length: number, end: number): boolean {
    const afterTitle = index + length;
    if (afterTitle >= end) return !TITLE_SURNAMES.has(tokens[index].text) || length > 1;
    const nextTitle = this.findNextTitle(tokens, afterTitle, end);
    const last = lastWord(tokens, afterTitle, nextTitle);
    if (last !== undefined && (ORGANIZATION_SUFFIXES.has(last.text) || LOCATION_SUFFIXES.has(last.text)))
      return false;
    const surface = spanText(tokens, index, nextTitle);
    return this.gazetteer.lookup(surface) === undefined;
  }

  private findNextTitle(tokens: readonly Token[], from: number, end: number): number {
    for (let index = from; index < end; index += 1) if (this.titleLength(tokens, index) > 0) return index;
    return end;
  }

  private emit(
    tokens: readonly Token[],
    from: number,
    to: number,
    afterTitle: boolean,
    inHeadline: boolean,
    out: NameSegment[],
  ): void {
    let first = from;
    let last = to;
    const opensSentence = tokens[first]?.sentenceStart === true;
    // "But Smith said": sentence openers go; the next word's capital is then a real signal.
    while (first < last && opensSentence && NON_NAME_WORDS.has(plain(tokens[first].text))) first += 1;
    while (first < last && tokens[first].kind !== 'word') first += 1;
    while (last > first && tokens[last - 1].kind !== 'word' && tokens[last - 1].text !== '.') last -= 1;
    while (last > first && NAME_PARTICLES.has(tokens[last - 1].text)) last -= 1;
    // "… Insider All Rights Reserved": copyright boilerplate ends the name.
    for (let index = first; index + 1 < last; index += 1) {
      if (tokens[index].text === 'All' && tokens[index + 1].text === 'Rights') last = index;
    }
    if (first >= last) return;

    // "U.S. Jewish community": a known place before a nationality adjective is its own name.
    const lastWordIndex = last - 1;
    if (
      last - first > 1 &&
      DEMONYMS.has(tokens[lastWordIndex].text) &&
      this.gazetteer.lookup(spanText(tokens, first, lastWordIndex)) !== undefined
    ) {
      this.push(tokens, first, lastWordIndex, afterTitle, inHeadline, first === from && opensSentence, out);
      this.push(tokens, lastWordIndex, last, false, inHeadline, false, out);
      return;
    }

    // "German Chancellor" was cut at the title; "Israeli officials" stands alone; but "American
    // Airlines" stays whole because its last word makes it an organisation.
    const lastToken = tokens[last - 1];
    if (
      last - first > 1 &&
      DEMONYMS.has(tokens[first].text) &&
      !ORGANIZATION_SUFFIXES.has(lastToken.text) &&
      !MISC_SUFFIXES.has(lastToken.text) &&
      this.gazetteer.lookup(spanText(tokens, first, last)) === undefined
    ) {
      this.push(tokens, first, first + 1, afterTitle, inHeadline, first === from && opensSentence, out);
      this.push(tokens, first + 1, last, false, inHeadline, false, out);
      return;
    }
    this.push(tokens, first, last, afterTitle, inHeadline, first === from && opensSentence, out);
  }

  private push(
    tokens: readonly Token[],
    first: number,
    last: number,
    afterTitle: boolean,
    inHeadline: boolean,
    atSentenceStart: boolean,
    out: NameSegment[],
  ): void {
    const lastToken = tokens[last - 1];
    let end = lastToken.end;
    if (POSSESSIVE.test(lastToken.text) && !PRONOUNS.has(plain(lastToken.text))) end -= 2;
    const cut = truncatedHyphenWord(lastToken);
    if (cut !== undefined) end = lastToken.start + cut;
    const start = tokens[first].start;
    if (end <= start) return;
    out.push({
      tokens: tokens.slice(first, last),
      start,
      end,
      afterTitle,
      atSentenceStart,
      inHeadline,
      previous: tokens[first - 1],
      following: tokens[last],
    });
  }
}

/**
 * "Paris-based" → 6 ("Paris"); undefined when the word has no lower-case hyphenated tail
 * ("Kassym-Jomart", "Coca-Cola" stay whole).
 */
export function truncatedHyphenWord(token: Token): number | undefined {
  if (!token.capitalised) return undefined;
  const hyphen = token.text.indexOf('-');
  if (hyphen <= 0) return undefined;
  const tail = token.text.slice(hyphen + 1);
  if (!/^\p{Ll}/u.test(tail) || NAME_PARTICLES.has(tail.split('-')[0])) return undefined;
  return hyphen;
}

function lastWord(tokens: readonly Token[], from: number, to: number): Token | undefined {
  for (let index = to - 1; index >= from; index -= 1) if (tokens[index].kind === 'word') return tokens[index];
  return undefined;
}

export function spanText(tokens: readonly Token[], from: number, to: number): string {
  let text = '';
  for (let index = from; index < to; index += 1) {
    const token = tokens[index];
    const previous = tokens[index - 1];
    text +=
      index > from && previous !== undefined && previous.end < token.start ? ` ${token.text}` : token.text;
  }
  return text;
}

export type LineKind = 'prose' | 'headline' | 'all-caps';

/**
 * All-caps lines ("BREAKING NEWS") are skipped; title-case lines (headlines, "Share This Article")
 * capitalise every word, so only names known from elsewhere are taken from them.
 */
export function classifyLines(tokens: readonly Token[]): LineKind[] {
  const kinds: LineKind[] = [];
  let line = -1;
  let words = 0;
  let capitalised = 0;
  let allCaps = 0;
  let lowerNonMinor = 0;
  let firstWord: string | undefined;
  const close = (): void => {
    if (line < 0) return;
    if (words >= 2 && allCaps === words) kinds[line] = 'all-caps';
    else if (words >= 4 && lowerNonMinor === 0 && capitalised >= 3 && firstWord !== 'By')
      kinds[line] = 'headline';
    else kinds[line] = 'prose';
  };
  for (const token of tokens) {
    if (token.line !== line) {
      close();
      line = token.line;
      words = capitalised = allCaps = lowerNonMinor = 0;
      firstWord = undefined;
    }
    if (token.kind !== 'word' || !/\p{L}/u.test(token.text)) continue;
    firstWord ??= token.text;
    words += 1;
    if (token.capitalised) capitalised += 1;
    if (token.allCaps) allCaps += 1;
    else if (!token.capitalised && !MINOR_TITLE_WORDS.has(token.text)) lowerNonMinor += 1;
  }
  close();
  return kinds;
}
