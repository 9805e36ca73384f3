import type { Gazetteer, GazetteerHit } from '../gazetteer/gazetteer';
import {
  DEMONYMS,
  FIRST_NAMES,
  LOCATION_HEADS,
  LOCATION_PREPOSITIONS,
  LOCATION_SUFFIXES,
  MISC_SUFFIXES,
  NON_ENTITY_ACRONYMS,
  NON_NAME_WORDS,
  ORGANIZATION_HEADS,
  ORGANIZATION_SUFFIXES,
  PERSON_VERBS,
} from '../lexicon/english-cues.lexicon';
import type { EntityType } from '../tagger.types';
import { plain, type NameSegment } from './name-segmenter';

/** A segment with a type guess, before document-level resolution. */
export interface ClassifiedSegment {
  segment: NameSegment;
  /** The mention's text without a trailing possessive. */
  surface: string;
  type: EntityType;
  confidence: number;
  gazetteer?: GazetteerHit;
  wordCount: number;
  /** The type a description next to the mention gives ("X is an American rock band"). */
  described?: EntityType;
}

// Confidence levels. Their order matters more than their values: gazetteer over titles over first
// names over word-shape cues over bare guesses. Tuned roughly on Wikigold; see README of the lib.
const CONFIDENCE = {
  gazetteer: 0.95,
  title: 0.9,
  firstName: 0.85,
  initials: 0.8,
  organizationSuffix: 0.8,
  locationSuffix: 0.75,
  demonym: 0.75,
  miscSuffix: 0.7,
  head: 0.75,
  ampersand: 0.7,
  placeNamed: 0.55,
  dateline: 0.6,
  locationPreposition: 0.6,
  personVerb: 0.55,
  acronym: 0.5,
  twoOrThreeWords: 0.5,
  longName: 0.45,
  bareFirstName: 0.6,
  singleWord: 0.4,
} as const;

/**
 * An unknown capitalised word with no cue at all. Places are the most frequent one-word names in
 * news and Wikipedia text (about 40% in Wikigold and DocRED), so that is the guess.
 */
const SINGLE_WORD_TYPE: EntityType = 'LOCATION';
const ROMAN_NUMERAL = /^(?:I{1,3}|IV|VI{0,3}|IX|X{1,3})$/;

/** Longer all-caps words are emphasis ("STRENGTH"), not acronyms. */
const MAX_ACRONYM_LETTERS = 6;

export class SegmentClassifier {
  constructor(private readonly gazetteer: Gazetteer) {}

  /**
   * Types a segment from its own words and its neighbours. `lowerCaseWords` holds every word seen
   * in lower case in the document: a sentence-initial "Officials" whose "officials" also occurs is
   * not a name. Returns undefined for segments that are not names after all, and `unconfirmed`
   * for a lone sentence-initial word that only counts if the document names it elsewhere.
   */
  classify(
    segment: NameSegment,
    text: string,
    lowerCaseWords: ReadonlySet<string>,
  ): ClassifiedSegment | 'unconfirmed' | undefined {
    const surface = text.slice(segment.start, segment.end);
    const words = segment.tokens.filter((token) => token.kind === 'word');
    const first = words[0];
    const last = words.at(-1);
    if (first === undefined || last === undefined) return undefined;
    const base = { segment, surface, wordCount: words.length };

    const hit = this.lookup(surface, words.length === 1 && first.allCaps);
    if (hit !== undefined)
      return { ...base, type: hit.type, confidence: CONFIDENCE.gazetteer, gazetteer: hit };

    // "World War II": a regnal or ordinal numeral says nothing about the type; the word before it does.
    const typeWord = words.length > 1 && ROMAN_NUMERAL.test(last.text) ? words.at(-2)! : last;
    const lastText = plain(typeWord.text).replace(/'s$/, '');
    const previous = segment.previous;
    const following = segment.following;

    if (words.length === 1) {
      const word = plain(first.text);
      if (DEMONYMS.has(word) || DEMONYMS.has(surface))
        return { ...base, type: 'MISC', confidence: CONFIDENCE.demonym };
      if (first.allCaps) return this.classifyAllCaps(base, segment, surface);
      // Initials in captions ("(L)") and common nouns capitalised for emphasis ("every Country")
      // whose lower-case form the document also uses.
      if (surface.length < 2 || (!segment.afterTitle && lowerCaseWords.has(surface.toLowerCase())))
        return undefined;
      if (segment.atSentenceStart && !segment.afterTitle) {
        // A sentence-initial capital is no evidence: the word must be confirmed elsewhere.
        return NON_NAME_WORDS.has(surface) || FIRST_NAMES.has(surface) ? undefined : 'unconfirmed';
      }
    }

    let type: EntityType;
    let confidence: number;
    if (DEMONYMS.has(lastText)) [type, confidence] = ['MISC', CONFIDENCE.demonym];
    else if (ORGANIZATION_SUFFIXES.has(lastText))
      [type, confidence] = ['ORGANIZATION', CONFIDENCE.organizationSuffix];
    else if (MISC_SUFFIXES.has(lastText) && words.length > 1)
      [type, confidence] = ['MISC', CONFIDENCE.miscSuffix];
    else if (LOCATION_SUFFIXES.has(lastText) && words.length > 1)
      [type, confidence] = ['LOCATION', CONFIDENCE.locationSuffix];
    else if (words.length > 1 && hasJoiningWord(words) && ORGANIZATION_HEADS.has(first.text))
      [type, confidence] = ['ORGANIZATION', CONFIDENCE.head];
    else if (words.length > 1 && hasJoiningWord(words) && LOCATION_HEADS.has(first.text))
      [type, confidence] = ['LOCATION', CONFIDENCE.head];
    else if (segment.afterTitle) [type, confidence] = ['PERSON', CONFIDENCE.title];
    else if (words.length > 1 && (this.isPlace(first.text) || first.text === 'The'))
      // "California Insider", "The Washington Examiner": named after a place, or a title with an article.
      [type, confidence] = ['ORGANIZATION', CONFIDENCE.placeNamed];
    else if (surface.includes('&')) [type, confidence] = ['ORGANIZATION', CONFIDENCE.ampersand];
    else if (words.length > 1 && FIRST_NAMES.has(first.text))
      [type, confidence] = ['PERSON', CONFIDENCE.firstName];
    else if (words.length > 1 && words.slice(1, -1).some((word) => /^\p{Lu}$/u.test(word.text)))
      [type, confidence] = ['PERSON', CONFIDENCE.initials];
    else if (previous !== undefined && LOCATION_PREPOSITIONS.has(previous.text))
      [type, confidence] = ['LOCATION', CONFIDENCE.locationPreposition];
    else if (following !== undefined && PERSON_VERBS.has(following.text))
      [type, confidence] = ['PERSON', CONFIDENCE.personVerb];
    else if (words.length === 1 && FIRST_NAMES.has(first.text))
      [type, confidence] = ['PERSON', CONFIDENCE.bareFirstName];
    else if (words.length === 1) [type, confidence] = [SINGLE_WORD_TYPE, CONFIDENCE.singleWord];
    else if (
      words.length <= 3 &&
      !hasJoiningWord(words) &&
      !words.some((word) => word.capitalised && lowerCaseWords.has(word.text.toLowerCase()))
    )
      [type, confidence] = ['PERSON', CONFIDENCE.twoOrThreeWords];
    else [type, confidence] = ['ORGANIZATION', CONFIDENCE.longName];

    return { ...base, type, confidence };
  }

  private isPlace(word: string): boolean {
    return this.gazetteer.lookup(word)?.type === 'LOCATION';
  }

  /** Exact form first, then without a leading "The", then an all-caps dateline word in title case. */
  private lookup(surface: string, allCapsWord: boolean): GazetteerHit | undefined {
    const hit = this.gazetteer.lookup(surface);
    if (hit !== undefined) return hit;
    if (surface.startsWith('The ')) {
      const withoutArticle = this.gazetteer.lookup(surface.slice(4));
      if (withoutArticle !== undefined) return withoutArticle;
    }
    if (allCapsWord && surface.length > 3) {
      return this.gazetteer.lookup(surface.charAt(0) + surface.slice(1).toLowerCase());
    }
    return undefined;
  }

  private classifyAllCaps(
    base: Pick<ClassifiedSegment, 'segment' | 'surface' | 'wordCount'>,
    segment: NameSegment,
    surface: string,
  ): ClassifiedSegment | undefined {
    if (NON_ENTITY_ACRONYMS.has(surface)) return undefined;
    // "WASHINGTON, Nov 6 (Reuters) -": a dateline opens its line and names the place of filing.
    const opensLine = segment.previous === undefined || segment.previous.kind === 'newline';
    const followingText = segment.following?.text;
    if (
      opensLine &&
      (followingText === ',' || followingText === '(' || followingText === '—' || followingText === '-')
    ) {
      return { ...base, type: 'LOCATION', confidence: CONFIDENCE.dateline };
    }
    const letters = surface.replace(/[^\p{L}]/gu, '').length;
    if (letters > MAX_ACRONYM_LETTERS) return undefined;
    return { ...base, type: 'ORGANIZATION', confidence: CONFIDENCE.acronym };
  }
}

function hasJoiningWord(words: readonly { text: string }[]): boolean {
  return words.some((word) => word.text === 'of' || word.text === 'for' || word.text === 'on');
}
