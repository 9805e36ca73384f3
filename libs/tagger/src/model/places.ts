import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { phraseTokens } from './text-sentences';

/**
 * A large table of place names: GeoNames cities and ISO 3166-2 subdivisions, built by
 * training/build-places.ts. It serves two purposes:
 *
 * - features: a longest match from a capitalised word tells each token its place in a known place
 *   name and what kind of place it is. A name is only evidence: "Reading" and "Mobile" are cities
 *   and words, so these names never become curated gazetteer entries (whose type is final);
 * - ids: a LOCATION without a curated QID whose canonical name is in the table with an id gets it
 *   (`geonames:2988507`, `iso3166-2:US-TX`) instead of the `nf:` slug. Names several places share
 *   have no id unless one of them clearly dominates.
 */

/** The shipped table: libs/tagger/model/, next to both src/ and dist/. */
export const PLACES_PATH = resolve(__dirname, '../../model/places.tsv.gz');

/** What kind of place a name is; the order is the feature code's and the file's letters'. */
export const PlaceKind = {
  /** A city of at least 1,000,000 people. */
  BigCity: 0,
  /** A city of at least 100,000 people. */
  City: 1,
  /** A smaller city or town, above the table's threshold. */
  Town: 2,
  /** An ISO 3166-2 subdivision: state, province, region, county. */
  Subdivision: 3,
} as const;
export type PlaceKind = (typeof PlaceKind)[keyof typeof PlaceKind];

/** The kinds' letters in the file, indexed by PlaceKind. */
const KIND_LETTERS = ['B', 'C', 'T', 'S'] as const;

/** Where a token lies in a matched name: the same four places as the BILOU labels. */
export const PlacePosition = { Single: 0, Begin: 1, Inside: 2, Last: 3 } as const;
export type PlacePosition = (typeof PlacePosition)[keyof typeof PlacePosition];

export interface PlaceEntry {
  kind: PlaceKind;
  /** How many places of the table share this name (1: unambiguous). */
  places: number;
  /** Canonical id of the place the name stands for, when one place clearly dominates. */
  id?: string;
  /** ISO 3166-1 alpha-2 code of that place. */
  country?: string;
}

/** The key of a name: its tokens (tokenised like running text) lower-cased, joined by a space. */
export function placeKey(name: string): string {
  return phraseTokens(name)
    .map((word) => word.toLowerCase())
    .join(' ');
}

// An entry is packed in one small integer: kind (2 bits), places (6 bits, capped), and the offset
// in the table's text of its id column (read only when an id is asked for). Parsing the shipped
// table then costs one Map entry per name and no objects, which keeps the tagger's start-up short.
const KIND_MASK = 3;
const PLACES_SHIFT = 2;
const PLACES_MAX = 63;
/** The offset is multiplied in, not shifted: a table of more than 8 MB would overflow 32 bits. */
const OFFSET_FACTOR = 256;

export class PlaceTable {
  /** Name key → packed entry. */
  private readonly entries = new Map<string, number>();
  /** First word of every name of several words → the most words after it any such name has. */
  private readonly longestAfter = new Map<string, number>();
  /** Scratch keys of match(), reused. */
  private readonly keys: string[] = [];

  /** `text`: the table's lines without comments, sorted by key (see serialize). */
  private constructor(private readonly text: string) {
    let lineStart = 0;
    while (lineStart < text.length) {
      let lineEnd = text.indexOf('\n', lineStart);
      if (lineEnd < 0) lineEnd = text.length;
      const keyEnd = text.indexOf('\t', lineStart);
      const kindAt = keyEnd + 1;
      const placesEnd = text.indexOf('\t', kindAt + 2);
      const kind = KIND_LETTERS.indexOf(text.charAt(kindAt) as (typeof KIND_LETTERS)[number]);
      if (keyEnd <= lineStart || keyEnd > lineEnd || kind < 0 || placesEnd < 0 || placesEnd > lineEnd)
        throw new Error(`bad place table line: ${text.slice(lineStart, lineEnd)}`);
      const key = text.slice(lineStart, keyEnd);
      const places = Math.min(Number(text.slice(kindAt + 2, placesEnd)), PLACES_MAX);
      this.entries.set(key, kind + (places << PLACES_SHIFT) + (placesEnd + 1) * OFFSET_FACTOR);
      const space = key.indexOf(' ');
      if (space > 0) {
        const first = key.slice(0, space);
        let after = 1;
        for (let at = key.indexOf(' ', space + 1); at > 0; at = key.indexOf(' ', at + 1)) after += 1;
        if (after > (this.longestAfter.get(first) ?? 0)) this.longestAfter.set(first, after);
      }
      lineStart = lineEnd + 1;
    }
  }

  get size(): number {
    return this.entries.size;
  }

  /**
   * The longest place name starting at token `start` of a sentence's lower-cased tokens: its
   * length in tokens and its kind, or undefined. The caller decides which tokens may start one
   * (capitalised words).
   */
  match(lower: readonly string[], start: number): { length: number; kind: PlaceKind } | undefined {
    const first = lower[start];
    const longest = this.longestAfter.get(first);
    if (longest !== undefined) {
      const keys = this.keys;
      const most = Math.min(longest, lower.length - start - 1);
      let key = first;
      for (let k = 1; k <= most; k += 1) {
        key += ` ${lower[start + k]}`;
        keys[k] = key;
      }
      for (let k = most; k >= 1; k -= 1) {
        const packed = this.entries.get(keys[k]);
        if (packed !== undefined) return { length: k + 1, kind: (packed & KIND_MASK) as PlaceKind };
      }
    }
    const packed = this.entries.get(first);
    return packed === undefined ? undefined : { length: 1, kind: (packed & KIND_MASK) as PlaceKind };
  }

  /**
   * Marks every place name of a sentence, greedily longest first, from tokens `canStart` allows:
   * per token a code position × 4 + kind (see placeCode), −1 outside any name.
   */
  mark(lower: readonly string[], canStart: (index: number) => boolean, codes: Int32Array): void {
    const n = lower.length;
    codes.fill(-1, 0, n);
    if (this.entries.size === 0) return;
    let index = 0;
    while (index < n) {
      const found = canStart(index) ? this.match(lower, index) : undefined;
      if (found === undefined) {
        index += 1;
        continue;
      }
      const length = found.length;
      for (let k = 0; k < length; k += 1) {
        const position =
          length === 1
            ? PlacePosition.Single
            : k === 0
              ? PlacePosition.Begin
              : k === length - 1
                ? PlacePosition.Last
                : PlacePosition.Inside;
        codes[index + k] = placeCode(position, found.kind);
      }
      index += length;
    }
  }

  /** The entry of a name key (lower-cased tokens joined by a space). */
  get(key: string): PlaceEntry | undefined {
    const packed = this.entries.get(key);
    if (packed === undefined) return undefined;
    const idAt = Math.floor(packed / OFFSET_FACTOR);
    const idEnd = this.text.indexOf('\t', idAt);
    let lineEnd = this.text.indexOf('\n', idEnd);
    if (lineEnd < 0) lineEnd = this.text.length;
    const id = this.text.slice(idAt, idEnd);
    const country = this.text.slice(idEnd + 1, lineEnd);
    return {
      kind: (packed & KIND_MASK) as PlaceKind,
      places: (packed >>> PLACES_SHIFT) & PLACES_MAX,
      ...(id ? { id } : {}),
      ...(country ? { country } : {}),
    };
  }

  /** The entry of a name written as text ("São Paulo"), tokenised and lower-cased. */
  lookup(name: string): PlaceEntry | undefined {
    return this.get(placeKey(name));
  }

  /** The canonical id of the place a name stands for, if the table gives it one. */
  idOf(name: string): string | undefined {
    return this.lookup(name)?.id;
  }

  static empty(): PlaceTable {
    return new PlaceTable('');
  }

  /** A table of the given names (keys as placeKey makes them); names with a tab or line break are left out. */
  static fromEntries(entries: Iterable<readonly [string, PlaceEntry]>): PlaceTable {
    const lines: string[] = [];
    for (const [key, entry] of [...entries].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)))
      if (key !== '' && !/[\t\n]/.test(key))
        lines.push(
          [
            key,
            KIND_LETTERS[entry.kind],
            Math.min(entry.places, PLACES_MAX),
            entry.id ?? '',
            entry.country ?? '',
          ].join('\t'),
        );
    return new PlaceTable(lines.join('\n'));
  }

  /**
   * One `key<TAB>kind<TAB>places<TAB>id<TAB>country` line per name, gzipped; kind is a letter
   * (B, C, T, S), id and country may be empty; `#` lines come first and are comments.
   */
  static parse(file: Buffer): PlaceTable {
    const text = gunzipSync(file).toString('utf8');
    let start = 0;
    while (text.startsWith('#', start)) start = text.indexOf('\n', start) + 1 || text.length;
    return new PlaceTable(text.endsWith('\n') ? text.slice(start, -1) : text.slice(start));
  }

  /**
   * The table in a file; when there is none, an empty one, or an error if `required` (a model
   * trained with the table cannot do without it). Tables are kept per path, so the feature
   * extractor and the id choice share the shipped one.
   */
  static load(path = PLACES_PATH, required = false): PlaceTable {
    const full = resolve(path);
    let table = loaded.get(full);
    if (table === undefined) {
      if (!existsSync(full) && required) throw new Error(`place table ${full} is missing`);
      table = existsSync(full) ? PlaceTable.parse(readFileSync(full)) : PlaceTable.empty();
      loaded.set(full, table);
    }
    return table;
  }

  serialize(comments: readonly string[]): Buffer {
    const head = comments.map((comment) => `# ${comment.replace(/\n/g, ' ')}\n`).join('');
    return gzipSync(Buffer.from(`${head}${this.text}${this.text === '' ? '' : '\n'}`, 'utf8'), {
      level: 9,
    });
  }
}

const loaded = new Map<string, PlaceTable>();

/** A token's feature code: its position in the name × 4 + the kind of place (0…15). */
export function placeCode(position: PlacePosition, kind: PlaceKind): number {
  return position * 4 + kind;
}

/** The kind of place of a feature code. */
export function placeKindOf(code: number): PlaceKind {
  return (code & 3) as PlaceKind;
}
