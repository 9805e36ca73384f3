import type { Gazetteer } from '../gazetteer/gazetteer';
import {
  CALENDAR_WORDS,
  DEMONYMS,
  FIRST_NAMES,
  LOCATION_HEADS,
  LOCATION_PREPOSITIONS,
  LOCATION_SUFFIXES,
  MISC_SUFFIXES,
  NAME_PARTICLES,
  NON_NAME_WORDS,
  ORGANIZATION_HEADS,
  ORGANIZATION_SUFFIXES,
  PERSON_VERBS,
  TITLES,
} from '../lexicon/english-cues.lexicon';
import type { EntityType } from '../tagger.types';
import { hashString, mix } from './hashing';
import { isInside, typeOf } from './sequence-model';
import { SURNAMES } from './surnames.lexicon';
import { PlaceTable, placeKindOf } from './places';
import { SeenEntities, type TypeCounts } from './seen-entities';
import { UNKNOWN_CLUSTER, WordClusters } from './word-clusters';

/**
 * Feature extraction for the sequence model. Every feature is a 32-bit hash of a template id and
 * the hashes of the words it looks at; the hash picks one row of the weight table (feature
 * hashing), so no feature dictionary is stored or loaded. Only integer work happens per feature;
 * strings are hashed once per token.
 */

/** Capitalisation classes of a token. */
export const CapClass = {
  Punct: 0,
  Digits: 1,
  Lower: 2,
  Title: 3,
  AllCaps: 4,
  Initial: 5,
  Other: 6,
} as const;
export type CapClass = (typeof CapClass)[keyof typeof CapClass];

// Template ids. Appending is safe only together with retraining; the model file records
// FEATURE_VERSION and refuses to load weights made for another one.
enum T {
  Bias = 1,
  Lower,
  Exact,
  Shape,
  Prefix,
  Suffix,
  CapInitial,
  Position,
  Length,
  PrevLower,
  NextLower,
  Prev2Lower,
  Next2Lower,
  PrevShape,
  NextShape,
  BigramPrev,
  BigramNext,
  Shape3,
  Gaz,
  GazPrev,
  GazNext,
  PrevLowerShape,
  ShapeNextLower,
  LowerCap,
  Gaz2,
  DocLabel,
  DocLabelCap,
  DocLabelPrev,
  DocLabelNext,
  Sandwich,
  PrevShapeLower,
  NextExact,
  PrevExact,
  Cluster,
  ClusterCap,
  ClusterPrev,
  ClusterNext,
  Seen,
  SeenSure,
  SeenCap,
  RunLast,
  RunFirst,
  RunLastBit,
  RunLastCluster,
  RunLength,
  DocContext,
  Place,
  PlaceCap,
  PlacePrev,
  PlaceNext,
}

/**
 * v6 added the place-table templates. They fire only with a place table, so v5 weights (made
 * without one) still fit this code: see OLDER_FEATURE_VERSIONS in model-file.ts.
 */
export const FEATURE_VERSION = 6;

// Bits of a token's lexicon mask.
const GAZ_BEGIN = 0; // + type index: curated gazetteer match starts here
const GAZ_INSIDE = 4; // + type index: continues a curated gazetteer match
const BIT_FIRST_NAME = 8;
const BIT_TITLE = 9;
const BIT_ORG_SUFFIX = 10;
const BIT_LOC_SUFFIX = 11;
const BIT_DEMONYM = 12;
const BIT_MISC_SUFFIX = 13;
const BIT_ORG_HEAD = 14;
const BIT_LOC_HEAD = 15;
const BIT_PERSON_VERB = 16;
const BIT_LOC_PREPOSITION = 17;
const BIT_CALENDAR = 18;
const BIT_NON_NAME = 19;
const BIT_PARTICLE = 20;
const BIT_SURNAME = 21;
const BIT_LOWER_IN_DOC = 22;
const BIT_CAPITALISED_IN_DOC = 23;
const BIT_GAZ_SINGLE = 24;
const MASK_BITS = 25;

/** Bits of a document-label mask: 2 × type (+1 inside a name), and 8 for "capitalised but O". */
export const DOCUMENT_LABEL_BITS = 9;

const TYPE_INDEX: Record<EntityType, number> = { PERSON: 0, ORGANIZATION: 1, LOCATION: 2, MISC: 3 };

const SENTENCE_START_HASH = hashString('<s>');
const SENTENCE_END_HASH = hashString('</s>');
/** Lower-case words that may join the parts of one name: "Bank of Japan", "Procter & Gamble". */
const NAME_JOINERS = new Set([
  'of',
  'and',
  'for',
  'the',
  'de',
  'du',
  'der',
  'von',
  'van',
  'la',
  'le',
  'del',
  'di',
  'da',
  'in',
  'on',
  '&',
]);
const MAX_RUN = 8;
/** Lexicon bits of a run's last word that say what kind of name the run is. */
const RUN_BITS = [
  BIT_ORG_SUFFIX,
  BIT_LOC_SUFFIX,
  BIT_MISC_SUFFIX,
  BIT_DEMONYM,
  BIT_FIRST_NAME,
  BIT_SURNAME,
  BIT_ORG_HEAD,
];
const OPENERS = new Set(['"', '“', "'", '‘', '(', '-', '–', '—', '•', '*', '[']);

const lowerSet = (values: Iterable<string>): Set<string> => {
  const set = new Set<string>();
  for (const value of values) set.add(value.toLowerCase());
  return set;
};

interface GazetteerForm {
  parts: string[];
  type: number;
}

/** Facts about the whole document that tokens may use: how its words are written elsewhere. */
export interface DocumentContext {
  /** Words (lower-cased) that occur in lower case somewhere in the document. */
  lowerCaseWords: ReadonlySet<string>;
  /** Words (lower-cased) that occur capitalised somewhere other than at a sentence start. */
  capitalisedWords: ReadonlySet<string>;
  /**
   * Per capitalised word (lower-cased): the words around its capitalised occurrences in the
   * document, as hashes (side mixed in), at most MAX_DOCUMENT_NEIGHBOURS.
   */
  neighbours?: ReadonlyMap<string, readonly number[]>;
  /** Training only: the document's own labelled names, left out of the seen-entity list. */
  ownEntities?: ReadonlyMap<string, TypeCounts>;
}

export const EMPTY_CONTEXT: DocumentContext = { lowerCaseWords: new Set(), capitalisedWords: new Set() };

/** Context words kept per capitalised word of a document (context aggregation). */
const MAX_DOCUMENT_NEIGHBOURS = 12;

/**
 * Builds the document context from its sentences (token texts). Besides how words are written,
 * it gathers the words around every capitalised word's occurrences (Ratinov & Roth 2009's context
 * aggregation): "Bruins" after "the" and before "defeated" somewhere tells every other "Bruins"
 * of the document that it names a team.
 */
export function documentContext(sentences: readonly (readonly string[])[]): DocumentContext {
  const lowerCaseWords = new Set<string>();
  const capitalisedWords = new Set<string>();
  const neighbours = new Map<string, number[]>();
  const addNeighbour = (key: string, hash: number): void => {
    let list = neighbours.get(key);
    if (list === undefined) {
      list = [];
      neighbours.set(key, list);
    }
    if (list.length < MAX_DOCUMENT_NEIGHBOURS && !list.includes(hash)) list.push(hash);
  };
  for (const words of sentences) {
    for (let index = 0; index < words.length; index += 1) {
      const word = words[index];
      const cls = capClass(word);
      if (cls === CapClass.Lower) lowerCaseWords.add(word);
      else if (cls === CapClass.Title && index > 0 && !OPENERS.has(words[index - 1]))
        capitalisedWords.add(word.toLowerCase());
      if (cls === CapClass.Title || cls === CapClass.AllCaps) {
        const key = word.toLowerCase();
        const before = index > 0 ? words[index - 1] : undefined;
        const after = index + 1 < words.length ? words[index + 1] : undefined;
        // Only lower-case context words: capitalised ones are more often part of the name.
        if (before !== undefined && capClass(before) === CapClass.Lower)
          addNeighbour(key, mix(1, hashString(before)));
        if (after !== undefined && capClass(after) === CapClass.Lower)
          addNeighbour(key, mix(2, hashString(after)));
      }
    }
  }
  return { lowerCaseWords, capitalisedWords, neighbours };
}

/** Growable output: feature hashes of all tokens, `offsets[i]..offsets[i+1]` for token i. */
export class FeatureBuffer {
  hashes = new Uint32Array(4096);
  offsets = new Int32Array(257);
  length = 0;

  reset(tokens: number): void {
    if (this.offsets.length < tokens + 1) this.offsets = new Int32Array((tokens + 1) * 2);
    this.length = 0;
  }

  push(hash: number): void {
    if (this.length === this.hashes.length) {
      const grown = new Uint32Array(this.hashes.length * 2);
      grown.set(this.hashes);
      this.hashes = grown;
    }
    this.hashes[this.length] = hash;
    this.length += 1;
  }
}

export function capClass(word: string): CapClass {
  let upper = 0;
  let lower = 0;
  let digits = 0;
  let firstUpper = false;
  for (let index = 0; index < word.length; index += 1) {
    const code = word.charCodeAt(index);
    let isUpper = false;
    let isLower = false;
    if (code >= 65 && code <= 90) isUpper = true;
    else if (code >= 97 && code <= 122) isLower = true;
    else if (code >= 48 && code <= 57) digits += 1;
    else if (code > 127) {
      const char = word.charAt(index);
      const up = char.toUpperCase();
      const down = char.toLowerCase();
      if (up !== down) {
        if (char === up) isUpper = true;
        else isLower = true;
      }
    }
    if (isUpper) {
      upper += 1;
      if (index === 0) firstUpper = true;
    } else if (isLower) lower += 1;
  }
  if (upper === 0 && lower === 0) return digits > 0 ? CapClass.Digits : CapClass.Punct;
  if (digits > 0 && upper + lower <= digits) return CapClass.Other;
  if (upper === 0) return CapClass.Lower;
  if (lower === 0) return upper === 1 ? CapClass.Initial : CapClass.AllCaps;
  if (firstUpper) return CapClass.Title;
  return lower > 0 && !firstUpper ? CapClass.Lower : CapClass.Other;
}

/** "McDonald's" → "XxXx'x", "1990s" → "dx", runs collapsed, at most 8 characters. */
export function wordShape(word: string): string {
  let shape = '';
  let last = '';
  for (let index = 0; index < word.length && shape.length < 8; index += 1) {
    const char = word.charAt(index);
    const code = char.charCodeAt(0);
    let mapped: string;
    if (code >= 48 && code <= 57) mapped = 'd';
    else if (char.toLowerCase() !== char.toUpperCase()) mapped = char === char.toUpperCase() ? 'X' : 'x';
    else mapped = char;
    if (mapped !== last) shape += mapped;
    last = mapped;
  }
  return shape;
}

/** Lexicon membership of single words and a longest-match search of curated gazetteer forms. */
export class FeatureExtractor {
  private readonly forms = new Map<string, GazetteerForm[]>();
  private readonly wordBits = new Map<string, number>();
  readonly rowMask: number;
  // Per-sentence scratch space, reused: extract() runs for every sentence of every article.
  private lower: string[] = [];
  private lowerHash = new Uint32Array(0);
  private shapeHash = new Uint32Array(0);
  private classes = new Uint8Array(0);
  private masks = new Int32Array(0);
  private clusterIds = new Int32Array(0);
  private seenCodes = new Int32Array(0);
  private placeCodes = new Int32Array(0);
  private runStart = new Int32Array(0);
  private runEnd = new Int32Array(0);

  private grow(size: number): void {
    const capacity = Math.max(size, 128) * 2;
    this.lowerHash = new Uint32Array(capacity);
    this.shapeHash = new Uint32Array(capacity);
    this.classes = new Uint8Array(capacity);
    this.masks = new Int32Array(capacity);
    this.clusterIds = new Int32Array(capacity);
    this.seenCodes = new Int32Array(capacity);
    this.placeCodes = new Int32Array(capacity);
    this.runStart = new Int32Array(capacity);
    this.runEnd = new Int32Array(capacity);
  }

  constructor(
    gazetteer: Gazetteer,
    readonly bucketBits: number,
    tokenizeForm: (form: string) => string[],
    /** Word classes learned from unlabelled text; none gives no class features. */
    private readonly clusters: WordClusters = WordClusters.empty(),
    /** Names the training data labelled, with their type counts; none gives no such features. */
    private readonly seen: SeenEntities = SeenEntities.empty(),
    /** GeoNames cities and ISO 3166-2 subdivisions; none gives no place features. */
    readonly places: PlaceTable = PlaceTable.empty(),
  ) {
    this.rowMask = (1 << bucketBits) - 1;
    for (const [form, hit] of gazetteer.entries()) {
      const parts = tokenizeForm(form).map((part) => part.toLowerCase());
      if (parts.length === 0) continue;
      const list = this.forms.get(parts[0]) ?? [];
      list.push({ parts, type: TYPE_INDEX[hit.type] });
      this.forms.set(parts[0], list);
    }
    for (const list of this.forms.values()) list.sort((a, b) => b.parts.length - a.parts.length);

    const add = (words: Iterable<string>, bit: number): void => {
      for (const word of lowerSet(words))
        this.wordBits.set(word, (this.wordBits.get(word) ?? 0) | (1 << bit));
    };
    add(FIRST_NAMES, BIT_FIRST_NAME);
    add(
      TITLES.flatMap((title) => title.split(/[\s]+/).filter((word) => /^\p{Lu}/u.test(word))),
      BIT_TITLE,
    );
    add(ORGANIZATION_SUFFIXES, BIT_ORG_SUFFIX);
    add(LOCATION_SUFFIXES, BIT_LOC_SUFFIX);
    add(DEMONYMS, BIT_DEMONYM);
    add(MISC_SUFFIXES, BIT_MISC_SUFFIX);
    add(ORGANIZATION_HEADS, BIT_ORG_HEAD);
    add(LOCATION_HEADS, BIT_LOC_HEAD);
    add(PERSON_VERBS, BIT_PERSON_VERB);
    add(LOCATION_PREPOSITIONS, BIT_LOC_PREPOSITION);
    add(CALENDAR_WORDS, BIT_CALENDAR);
    add(NON_NAME_WORDS, BIT_NON_NAME);
    add(NAME_PARTICLES, BIT_PARTICLE);
    add(SURNAMES, BIT_SURNAME);
  }

  /**
   * Writes the feature hashes of every token of one sentence into `out`. `words` are the token
   * texts; `context` describes the rest of the document.
   */
  extract(
    words: readonly string[],
    context: DocumentContext,
    out: FeatureBuffer,
    /** Second pass only: per token, what the first pass labelled the same word elsewhere. */
    documentLabels?: Int32Array,
  ): void {
    const n = words.length;
    out.reset(n);
    if (this.classes.length < n + 4) this.grow(n + 4);
    const lower = this.lower;
    lower.length = n;
    const lowerHash = this.lowerHash;
    const shapeHash = this.shapeHash;
    const classes = this.classes;
    const masks = this.masks;
    masks.fill(0, 0, n + 2);
    const clusterIds = this.clusterIds;
    const useClusters = this.clusters.size > 0;
    for (let index = 0; index < n; index += 1) {
      const word = words[index];
      const low = word.toLowerCase();
      lower[index] = low;
      lowerHash[index + 2] = hashString(low);
      shapeHash[index + 2] = hashString(wordShape(word));
      const cls = capClass(word);
      classes[index] = cls;
      if (useClusters) clusterIds[index] = this.clusters.lookup(word);
      let mask = this.wordBits.get(low) ?? 0;
      if (cls === CapClass.Title || cls === CapClass.AllCaps) {
        if (context.lowerCaseWords.has(low)) mask |= 1 << BIT_LOWER_IN_DOC;
        if (context.capitalisedWords.has(low)) mask |= 1 << BIT_CAPITALISED_IN_DOC;
      }
      masks[index + 1] |= mask;
    }
    lowerHash[0] = lowerHash[1] = shapeHash[0] = shapeHash[1] = SENTENCE_START_HASH;
    lowerHash[n + 2] = lowerHash[n + 3] = shapeHash[n + 2] = shapeHash[n + 3] = SENTENCE_END_HASH;
    this.markGazetteer(lower, classes, masks);
    const seenCodes = this.seenCodes;
    const useSeen = this.seen.size > 0;
    if (useSeen) this.markSeen(lower, classes, seenCodes, n, context.ownEntities);
    const placeCodes = this.placeCodes;
    const usePlaces = this.places.size > 0;
    if (usePlaces) this.places.mark(lower, this.startsPlace, placeCodes);
    const runStart = this.runStart;
    const runEnd = this.runEnd;
    markRuns(lower, classes, n, runStart, runEnd);

    for (let index = 0; index < n; index += 1) {
      out.offsets[index] = out.length;
      const word = words[index];
      const low = lower[index];
      const cls = classes[index];
      const h = lowerHash[index + 2];
      const shape = shapeHash[index + 2];
      const initial = index === 0 || (index === 1 && OPENERS.has(words[0])) ? 1 : 0;

      out.push(mix(T.Bias, 0));
      out.push(mix(T.Lower, h));
      if (cls !== CapClass.Lower && cls !== CapClass.Punct) out.push(mix(T.Exact, hashString(word)));
      out.push(mix(T.Shape, shape));
      out.push(mix(mix(T.LowerCap, h), cls));
      if (low.length > 2) {
        let prefix = 0x811c9dc5;
        for (let k = 0; k < 4 && k < low.length - 1; k += 1) {
          prefix = Math.imul(prefix ^ low.charCodeAt(k), 0x01000193) >>> 0;
          out.push(mix(mix(T.Prefix, k), prefix));
        }
        let suffix = 0x811c9dc5;
        for (let k = 0; k < 4 && k < low.length - 1; k += 1) {
          suffix = Math.imul(suffix ^ low.charCodeAt(low.length - 1 - k), 0x01000193) >>> 0;
          out.push(mix(mix(T.Suffix, k), suffix));
        }
      }
      out.push(mix(mix(T.CapInitial, cls), initial));
      out.push(mix(mix(T.Position, cls), index < 3 ? index : 3));
      out.push(mix(mix(T.Length, cls), low.length < 4 ? low.length : low.length < 8 ? 4 : 5));
      const prev = lowerHash[index + 1];
      const next = lowerHash[index + 3];
      out.push(mix(T.PrevLower, prev));
      out.push(mix(T.NextLower, next));
      out.push(mix(T.Prev2Lower, lowerHash[index]));
      out.push(mix(T.Next2Lower, lowerHash[index + 4]));
      const prevShape = shapeHash[index + 1];
      const nextShape = shapeHash[index + 3];
      out.push(mix(T.PrevShape, prevShape));
      out.push(mix(T.NextShape, nextShape));
      out.push(mix(mix(T.BigramPrev, prev), h));
      out.push(mix(mix(T.BigramNext, h), next));
      out.push(mix(mix(mix(T.Shape3, prevShape), shape), nextShape));
      out.push(mix(mix(T.PrevLowerShape, prev), shape));
      out.push(mix(mix(T.ShapeNextLower, shape), next));
      out.push(mix(mix(T.Sandwich, prev), next));
      out.push(mix(mix(T.PrevShapeLower, prevShape), h));
      if (index + 1 < n && classes[index + 1] !== CapClass.Lower)
        out.push(mix(T.NextExact, hashString(words[index + 1])));
      if (index > 0 && classes[index - 1] !== CapClass.Lower)
        out.push(mix(T.PrevExact, hashString(words[index - 1])));

      if (useClusters) {
        const own = clusterIds[index];
        if (own === UNKNOWN_CLUSTER) out.push(mix(mix(T.Cluster, 9), cls));
        else {
          out.push(mix(mix(T.Cluster, 0), own & 0xff));
          out.push(mix(mix(T.Cluster, 1), (own >>> 8) & 0xff));
          out.push(mix(mix(T.Cluster, 2), own >>> 16));
          out.push(mix(mix(mix(T.ClusterCap, (own >>> 8) & 0xff), cls), 1));
          out.push(mix(mix(mix(T.ClusterCap, own >>> 16), cls), 2));
        }
        const before = index > 0 ? clusterIds[index - 1] : -2;
        const after = index + 1 < n ? clusterIds[index + 1] : -2;
        out.push(mix(mix(T.ClusterPrev, 1), before < 0 ? before : (before >>> 8) & 0xff));
        out.push(mix(mix(T.ClusterNext, 1), after < 0 ? after : (after >>> 8) & 0xff));
        out.push(mix(mix(T.ClusterPrev, 2), before < 0 ? before : before >>> 16));
        out.push(mix(mix(T.ClusterNext, 2), after < 0 ? after : after >>> 16));
      }

      // The capitalised run this token is part of ("Christian Social Union in Bavaria"): its last
      // and first words say what kind of name the whole run is, from every token of it.
      const first = runStart[index];
      if (first >= 0) {
        const last = runEnd[index] - 1;
        const place = index === first ? 0 : index === last ? 2 : 1;
        out.push(mix(mix(T.RunLast, lowerHash[last + 2]), place));
        out.push(mix(mix(T.RunFirst, lowerHash[first + 2]), place));
        const length = last - first + 1;
        out.push(mix(mix(T.RunLength, length < 5 ? length : 5), place));
        const lastMask = masks[last + 1];
        for (const bit of RUN_BITS)
          if ((lastMask & (1 << bit)) !== 0) out.push(mix(mix(T.RunLastBit, bit), place));
        if (useClusters && clusterIds[last] !== UNKNOWN_CLUSTER)
          out.push(mix(mix(T.RunLastCluster, (clusterIds[last] >>> 8) & 0xff), place));
      }

      if ((cls === CapClass.Title || cls === CapClass.AllCaps) && context.neighbours !== undefined) {
        const around = context.neighbours.get(low);
        if (around !== undefined) for (const hash of around) out.push(mix(T.DocContext, hash));
      }

      if (useSeen && seenCodes[index] >= 0) {
        const code = seenCodes[index];
        out.push(mix(T.Seen, code >> 4));
        out.push(mix(T.SeenSure, code));
        out.push(mix(mix(T.SeenCap, code >> 4), cls));
      }

      // Place names (GeoNames, ISO 3166-2): the token's place in a matched name × the kind of place,
      // and what kind of place stands next to it ("Springfield , Illinois").
      if (usePlaces) {
        const code = placeCodes[index];
        if (code >= 0) {
          out.push(mix(T.Place, code));
          out.push(mix(mix(T.PlaceCap, code), cls));
        }
        if (index > 0 && placeCodes[index - 1] >= 0)
          out.push(mix(T.PlacePrev, placeKindOf(placeCodes[index - 1])));
        if (index + 1 < n && placeCodes[index + 1] >= 0)
          out.push(mix(T.PlaceNext, placeKindOf(placeCodes[index + 1])));
      }

      const mask = masks[index + 1];
      if (mask !== 0) {
        for (let bit = 0; bit < MASK_BITS; bit += 1) {
          if ((mask & (1 << bit)) !== 0) {
            out.push(mix(T.Gaz, bit));
            out.push(mix(mix(T.Gaz2, bit), cls));
          }
        }
      }
      const prevMask = masks[index];
      if (prevMask !== 0)
        for (let bit = 0; bit < MASK_BITS; bit += 1)
          if ((prevMask & (1 << bit)) !== 0) out.push(mix(T.GazPrev, bit));
      const nextMask = masks[index + 2];
      if (nextMask !== 0)
        for (let bit = 0; bit < MASK_BITS; bit += 1)
          if ((nextMask & (1 << bit)) !== 0) out.push(mix(T.GazNext, bit));
      if (documentLabels !== undefined) {
        const own = documentLabels[index];
        for (let bit = 0; bit < DOCUMENT_LABEL_BITS; bit += 1) {
          if ((own & (1 << bit)) === 0) continue;
          out.push(mix(T.DocLabel, bit));
          out.push(mix(mix(T.DocLabelCap, bit), cls));
        }
        const before = index > 0 ? documentLabels[index - 1] : 0;
        const after = index + 1 < n ? documentLabels[index + 1] : 0;
        for (let bit = 0; bit < DOCUMENT_LABEL_BITS; bit += 1) {
          if ((before & (1 << bit)) !== 0) out.push(mix(T.DocLabelPrev, bit));
          if ((after & (1 << bit)) !== 0) out.push(mix(T.DocLabelNext, bit));
        }
      }
    }
    out.offsets[n] = out.length;
    // Hash → row of the weight table.
    const rowMask = this.rowMask;
    for (let index = 0; index < out.length; index += 1) out.hashes[index] &= rowMask;
  }

  /** Place names start at capitalised words (all-caps headlines too), never at an initial. */
  private readonly startsPlace = (index: number): boolean => {
    const cls = this.classes[index];
    return cls === CapClass.Title || cls === CapClass.AllCaps || cls === CapClass.Other;
  };

  /**
   * Greedy longest match of names seen in the training data, from capitalised words. Per token a
   * code: ((place × 4 + majority type) << 4) | (share bucket × 3 + count bucket), place being
   * 0 single, 1 first, 2 inside, 3 last; −1 outside any name.
   */
  private markSeen(
    lower: readonly string[],
    classes: Uint8Array,
    codes: Int32Array,
    n: number,
    own: ReadonlyMap<string, TypeCounts> | undefined,
  ): void {
    codes.fill(-1, 0, n);
    let index = 0;
    while (index < n) {
      const cls = classes[index];
      const found =
        cls === CapClass.Title ||
        cls === CapClass.AllCaps ||
        cls === CapClass.Initial ||
        cls === CapClass.Other
          ? this.seen.match(lower, index, own)
          : undefined;
      if (found === undefined) {
        index += 1;
        continue;
      }
      const counts = found.counts;
      let majority = 0;
      for (let t = 1; t < 4; t += 1) if (counts[t] > counts[majority]) majority = t;
      const total = counts[0] + counts[1] + counts[2] + counts[3];
      const share = counts[majority] / total;
      const shareBucket = share >= 0.95 ? 2 : share >= 0.7 ? 1 : 0;
      const countBucket = total >= 5 ? 2 : total >= 2 ? 1 : 0;
      const low = shareBucket * 3 + countBucket;
      for (let k = 0; k < found.length; k += 1) {
        const place = found.length === 1 ? 0 : k === 0 ? 1 : k === found.length - 1 ? 3 : 2;
        codes[index + k] = ((place * 4 + majority) << 4) | low;
      }
      index += found.length;
    }
  }

  /** Greedy longest match of curated forms, case-insensitive, starting only at capitalised words. */
  private markGazetteer(lower: readonly string[], classes: Uint8Array, masks: Int32Array): void {
    let index = 0;
    while (index < lower.length) {
      const cls = classes[index];
      const candidates =
        cls === CapClass.Title || cls === CapClass.AllCaps || cls === CapClass.Initial
          ? this.forms.get(lower[index])
          : undefined;
      let matched = 0;
      if (candidates !== undefined) {
        for (const form of candidates) {
          const parts = form.parts;
          if (index + parts.length > lower.length) continue;
          let ok = true;
          for (let k = 1; k < parts.length && ok; k += 1) ok = lower[index + k] === parts[k];
          if (!ok) continue;
          masks[index + 1] |= 1 << (GAZ_BEGIN + form.type);
          if (parts.length === 1) masks[index + 1] |= 1 << BIT_GAZ_SINGLE;
          for (let k = 1; k < parts.length; k += 1) masks[index + k + 1] |= 1 << (GAZ_INSIDE + form.type);
          matched = parts.length;
          break;
        }
      }
      index += matched > 0 ? matched : 1;
    }
  }
}

/**
 * Runs of capitalised words, joined by at most one joiner word each ("of", "and", "&"), of 2 to
 * MAX_RUN tokens: for each token in one, `start[i]` and `end[i]` (exclusive); −1 elsewhere.
 */
function markRuns(
  lower: readonly string[],
  classes: Uint8Array,
  n: number,
  start: Int32Array,
  end: Int32Array,
): void {
  start.fill(-1, 0, n);
  const capitalised = (i: number): boolean => {
    const cls = classes[i];
    return (
      cls === CapClass.Title || cls === CapClass.AllCaps || cls === CapClass.Initial || cls === CapClass.Other
    );
  };
  let index = 0;
  while (index < n) {
    if (!capitalised(index)) {
      index += 1;
      continue;
    }
    let after = index + 1;
    while (after - index < MAX_RUN) {
      if (after < n && capitalised(after)) after += 1;
      else if (
        after + 1 < n &&
        NAME_JOINERS.has(lower[after]) &&
        capitalised(after + 1) &&
        after + 2 - index <= MAX_RUN
      )
        after += 2;
      else break;
    }
    if (after - index >= 2)
      for (let k = index; k < after; k += 1) {
        start[k] = index;
        end[k] = after;
      }
    index = after;
  }
}

/**
 * For a document's sentences and their first-pass BILOU labels: per token, the labels the first
 * pass gave to the same capitalised word at other places of the document (bit 2t: began a
 * name of type t, 2t + 1: continued one, 8: was left out of any name). The second pass uses them
 * to keep one reading of a name across the document.
 */
export function documentLabelMasks(
  sentences: readonly (readonly string[])[],
  labels: readonly Uint8Array[],
): Int32Array[] {
  const counts = new Map<string, Int32Array>();
  // B and U begin a name, I and L continue one.
  const bitOf = (label: number): number => (label === 0 ? 8 : 2 * typeOf(label) + (isInside(label) ? 1 : 0));
  sentences.forEach((words, s) => {
    for (let i = 0; i < words.length; i += 1) {
      const cls = capClass(words[i]);
      if (cls !== CapClass.Title && cls !== CapClass.AllCaps) continue;
      const key = words[i].toLowerCase();
      let count = counts.get(key);
      if (count === undefined) {
        count = new Int32Array(DOCUMENT_LABEL_BITS);
        counts.set(key, count);
      }
      count[bitOf(labels[s][i])] += 1;
    }
  });
  return sentences.map((words, s) => {
    const masks = new Int32Array(words.length);
    for (let i = 0; i < words.length; i += 1) {
      const count = counts.get(words[i].toLowerCase());
      if (count === undefined) continue;
      const cls = capClass(words[i]);
      const own = cls === CapClass.Title || cls === CapClass.AllCaps ? bitOf(labels[s][i]) : -1;
      let mask = 0;
      for (let bit = 0; bit < DOCUMENT_LABEL_BITS; bit += 1)
        if (count[bit] - (bit === own ? 1 : 0) > 0) mask |= 1 << bit;
      masks[i] = mask;
    }
    return masks;
  });
}
