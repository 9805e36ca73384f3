import { canonicalEntityId, type PlaceIds } from '../entity-id';
import type { Gazetteer, GazetteerHit } from '../gazetteer/gazetteer';
import { normaliseSurface } from '../gazetteer/gazetteer';
import type { EntityMention, EntityType } from '../tagger.types';
import { DEMONYMS, LOCATION_HEADS, OF_HEADS, ORGANIZATION_HEADS } from '../lexicon/english-cues.lexicon';
import { PlaceTable } from '../model/places';
import { plain, type NameSegment } from './name-segmenter';
import type { ClassifiedSegment } from './segment-classifier';

/** A bare surname that repeats a full name in the same document ("Smith" after "Jane Smith"). */
const SURNAME_CONFIDENCE = 0.85;
/** The first word of an organisation's name standing alone ("Goldman" for "Goldman Sachs"). */
const SHORT_NAME_CONFIDENCE = 0.7;
/** A bare surname shared by two people named in full in the document. */
const AMBIGUOUS_SURNAME_CONFIDENCE = 0.6;
/** A bare surname of a curated person nobody else in the document shares ("Biden"). */
const CURATED_SURNAME_CONFIDENCE = 0.7;
const GAZETTEER_CONFIDENCE = 0.95;
/** A headline word sequence repeating a name found in the body or the gazetteer. */
const HEADLINE_FACTOR = 0.9;
/** Longest word sequence tried when looking for known names inside a headline. */
const MAX_HEADLINE_NGRAM = 6;

/** One entity of the document: every mention of it shares its type and id. */
interface EntityGroup {
  key: string;
  qid?: string;
  fixedType?: EntityType;
  votes: Map<EntityType, number>;
  /** Types that descriptions of the entity gave, counted; they outrank the votes. */
  described?: Map<EntityType, number>;
  /** Highest confidence of any one mention. */
  bestConfidence: number;
}

interface PendingMention {
  start: number;
  end: number;
  confidence: number;
  group: EntityGroup;
}

/**
 * Document-level resolution: bare surnames join the full name they repeat, every entity gets one
 * type (the best-supported one; a gazetteer type is final) and one id (see canonicalEntityId), and
 * headline segments keep only the names the body or the gazetteer confirm.
 */
export class DocumentResolver {
  /** Last word of each curated person's name → that person, unless two share it. */
  private readonly curatedSurnames = new Map<string, GazetteerHit | null>();

  constructor(
    private readonly gazetteer: Gazetteer,
    /** GeoNames and ISO 3166-2 ids of places without a QID; the shipped table by default. */
    private readonly places: PlaceIds = PlaceTable.load(),
  ) {
    for (const [, hit] of gazetteer.entries()) {
      if (hit.type !== 'PERSON') continue;
      const surname = hit.name.split(' ').at(-1);
      if (surname === undefined || surname === hit.name) continue;
      const known = this.curatedSurnames.get(surname);
      this.curatedSurnames.set(surname, known === undefined || known?.name === hit.name ? hit : null);
    }
  }

  resolve(
    text: string,
    classified: readonly ClassifiedSegment[],
    unconfirmed: readonly NameSegment[],
  ): EntityMention[] {
    const groups = new Map<string, EntityGroup>();
    const groupFor = (key: string, hit?: GazetteerHit): EntityGroup => {
      let group = groups.get(key);
      if (group === undefined) {
        group = { key, votes: new Map(), bestConfidence: 0, ...(hit?.qid ? { qid: hit.qid } : {}) };
        groups.set(key, group);
      }
      if (hit !== undefined) {
        group.fixedType = hit.type;
        // A headline's bare "Trump" may have opened the group before the body's "Donald Trump"
        // brought the curated id.
        if (group.qid === undefined && hit.qid !== undefined) group.qid = hit.qid;
      }
      return group;
    };

    const surnames = this.collectSurnames(classified);
    const shortOrganizationNames = collectShortOrganizationNames(classified);
    const pending: PendingMention[] = [];
    for (const item of classified) {
      let group: EntityGroup;
      let type = item.type;
      let confidence = item.confidence;
      // An all-caps headline surname ("OKAFOR") repeats the body's "Okafor" too.
      const surname =
        item.wordCount === 1
          ? (surnames.get(plain(item.surface)) ?? surnames.get(titleCased(plain(item.surface))))
          : undefined;
      if (surname !== undefined && surname !== canonicalKey(item)) {
        // The full name in this document outranks a one-word gazetteer form ("Jordan" after
        // "Michael Jordan"). A surname two people share is still a person, of unknown identity.
        group = groupFor(surname ?? canonicalKey(item));
        type = 'PERSON';
        confidence = Math.max(
          confidence,
          surname === null ? AMBIGUOUS_SURNAME_CONFIDENCE : SURNAME_CONFIDENCE,
        );
      } else if (item.gazetteer !== undefined) {
        group = groupFor(item.gazetteer.name, item.gazetteer);
      } else if (item.wordCount === 1 && shortOrganizationNames.has(item.surface)) {
        // "Quellbrook" after "Quellbrook Partners", "NTSB" after "National Transportation Safety Board".
        group = groupFor(shortOrganizationNames.get(item.surface)!);
        type = 'ORGANIZATION';
        confidence = Math.max(confidence, SHORT_NAME_CONFIDENCE);
      } else {
        const curated =
          item.wordCount === 1 && surname === undefined
            ? this.curatedSurnames.get(plain(item.surface))
            : undefined;
        if (curated) {
          group = groupFor(curated.name, curated);
          type = 'PERSON';
          confidence = CURATED_SURNAME_CONFIDENCE;
        } else {
          group = groupFor(canonicalKey(item));
          // A description speaks for its own mention's entity only: not for a person whose
          // surname this is ("Ford is an automaker" says nothing of Henry Ford).
          if (item.described !== undefined) {
            group.described ??= new Map();
            group.described.set(item.described, (group.described.get(item.described) ?? 0) + 1);
          }
        }
      }
      group.votes.set(type, (group.votes.get(type) ?? 0) + confidence);
      group.bestConfidence = Math.max(group.bestConfidence, confidence);
      pending.push({ start: item.segment.start, end: item.segment.end, confidence, group });
    }

    const knownForms = new Map<string, EntityGroup>();
    for (const mention of pending)
      knownForms.set(normaliseSurface(text.slice(mention.start, mention.end)), mention.group);
    for (const [shortName, key] of [...surnames, ...shortOrganizationNames]) {
      const group = key === null ? undefined : groups.get(key);
      if (group !== undefined && !knownForms.has(shortName)) knownForms.set(shortName, group);
    }
    for (const segment of unconfirmed) this.matchKnownNames(text, segment, knownForms, groupFor, pending);

    return pending
      .sort((a, b) => a.start - b.start)
      .map((mention) => {
        const type = winningType(mention.group);
        return {
          start: mention.start,
          end: mention.end,
          type,
          text: text.slice(mention.start, mention.end),
          id: canonicalEntityId(type, mention.group.key, mention.group.qid, this.places),
          confidence: Math.round(mention.confidence * 100) / 100,
        };
      });
  }

  /** Last word of every multi-word person name → its key; null when two people share it. */
  private collectSurnames(classified: readonly ClassifiedSegment[]): Map<string, string | null> {
    const surnames = new Map<string, string | null>();
    for (const item of classified) {
      if (item.type !== 'PERSON' || item.wordCount < 2) continue;
      const words = item.surface.split(/\s+/);
      const surname = plain(words.at(-1) ?? '');
      if (surname.length < 2) continue;
      const key = canonicalKey(item);
      const known = surnames.get(surname);
      surnames.set(surname, known === undefined || known === key ? key : null);
    }
    return surnames;
  }

  /** Longest-first search for known word sequences inside a segment that cannot stand on its own. */
  private matchKnownNames(
    text: string,
    segment: NameSegment,
    knownForms: ReadonlyMap<string, EntityGroup>,
    groupFor: (key: string, hit?: GazetteerHit) => EntityGroup,
    pending: PendingMention[],
  ): void {
    const words = segment.tokens.filter((token) => token.kind === 'word');
    let index = 0;
    while (index < words.length) {
      let matched = 0;
      for (
        let size = Math.min(MAX_HEADLINE_NGRAM, words.length - index);
        size > 0 && matched === 0;
        size -= 1
      ) {
        const start = words[index].start;
        let end = words[index + size - 1].end;
        if (end > segment.end) end = segment.end;
        let surface = normaliseSurface(text.slice(start, end));
        if (surface.endsWith("'s")) {
          surface = surface.slice(0, -2);
          end -= 2;
        }
        // "TRUMP" in an all-caps headline repeats the body's "Trump".
        const shouted =
          surface.length > 1 && surface === surface.toUpperCase() ? titleCase(surface) : undefined;
        const known =
          knownForms.get(surface) ?? (shouted !== undefined ? knownForms.get(shouted) : undefined);
        const hit =
          known === undefined
            ? (this.gazetteer.lookup(surface) ??
              (shouted !== undefined ? this.gazetteer.lookup(shouted) : undefined))
            : undefined;
        if (known === undefined && hit === undefined) continue;
        const group = known ?? groupFor(hit!.name, hit);
        const confidence =
          (hit !== undefined ? GAZETTEER_CONFIDENCE : group.bestConfidence) * HEADLINE_FACTOR;
        pending.push({ start, end, confidence, group });
        matched = size;
      }
      index += Math.max(matched, 1);
    }
  }
}

/**
 * Short forms of multi-word organisation names typed by their own words (first word, initials)
 * → the organisation's key.
 */
function collectShortOrganizationNames(classified: readonly ClassifiedSegment[]): Map<string, string> {
  const names = new Map<string, string>();
  for (const item of classified) {
    if (item.type !== 'ORGANIZATION' || item.wordCount < 2 || item.gazetteer !== undefined) continue;
    const key = canonicalKey(item);
    const words = key.split(' ');
    const first = words[0];
    // Not a nationality or a generic head word: "Jewish" is not "Jewish News Syndicate", nor
    // "State" the "State Department".
    if (first !== undefined && first.length > 2 && !names.has(first) && !isGenericFirstWord(first))
      names.set(first, key);
    // "NTSB" for "National Transportation Safety Board": initials of the capitalised words.
    const initials = words
      .filter((word) => /^\p{Lu}/u.test(word))
      .map((word) => word.charAt(0))
      .join('');
    if (initials.length >= 2 && !names.has(initials)) names.set(initials, key);
  }
  return names;
}

/** "NEW YORK" → "New York", "AL-ASSAD" → "Al-Assad". */
function titleCase(surface: string): string {
  return surface
    .toLowerCase()
    .replace(/(^|[\s-])(\p{L})/gu, (_, before: string, letter: string) => before + letter.toUpperCase());
}

function isGenericFirstWord(word: string): boolean {
  return DEMONYMS.has(word) || OF_HEADS.has(word) || ORGANIZATION_HEADS.has(word) || LOCATION_HEADS.has(word);
}

/** The canonical name of a mention: the gazetteer name, else its text without a leading "The". */
function canonicalKey(item: ClassifiedSegment): string {
  if (item.gazetteer !== undefined) return item.gazetteer.name;
  const surface = normaliseSurface(item.surface);
  return surface.startsWith('The ') ? surface.slice(4) : surface;
}

function winningType(group: EntityGroup): EntityType {
  if (group.fixedType !== undefined) return group.fixedType;
  if (group.described !== undefined) return mostVoted(group.described);
  return mostVoted(group.votes);
}

function mostVoted(votes: ReadonlyMap<EntityType, number>): EntityType {
  let best: EntityType = 'MISC';
  let bestScore = -1;
  for (const [type, score] of votes) {
    if (score > bestScore) [best, bestScore] = [type, score];
  }
  return best;
}

/** "OKAFOR" → "Okafor"; other words unchanged. */
function titleCased(word: string): string {
  return word.length > 1 && word === word.toUpperCase() ? word.charAt(0) + word.slice(1).toLowerCase() : word;
}
