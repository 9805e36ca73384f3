import { existsSync, readFileSync } from 'node:fs';
import { gunzipSync, gzipSync } from 'node:zlib';

/**
 * Names the annotated training data labelled, with how often each type was given: "Liberal Party"
 * → ORG 12. The feature extractor marks the longest such name in a sentence and gives the model its
 * majority type, how sure that type is and how often the name was seen. During training a document
 * never sees its own names (leave-out), so the model learns how far to trust the list for names it
 * has not been trained on, which is what new text brings.
 */

/** Type counts in ENTITY_TYPES order: PERSON, ORGANIZATION, LOCATION, MISC. */
export type TypeCounts = readonly [number, number, number, number];

interface SeenForm {
  parts: readonly string[];
  counts: TypeCounts;
}

/** The key of a name: its tokens lower-cased, joined by a space. */
export function seenEntityKey(words: readonly string[]): string {
  return words.map((word) => word.toLowerCase()).join(' ');
}

export class SeenEntities {
  private readonly byFirstWord = new Map<string, SeenForm[]>();

  constructor(readonly table: ReadonlyMap<string, TypeCounts>) {
    for (const [key, counts] of table) {
      const parts = key.split(' ');
      const list = this.byFirstWord.get(parts[0]) ?? [];
      list.push({ parts, counts });
      this.byFirstWord.set(parts[0], list);
    }
    for (const list of this.byFirstWord.values()) list.sort((a, b) => b.parts.length - a.parts.length);
  }

  get size(): number {
    return this.table.size;
  }

  /**
   * The longest known name starting at token `start` (`lower` are lower-cased tokens): its length
   * and type counts minus `own` (the current document's own names, in training), or undefined.
   */
  match(
    lower: readonly string[],
    start: number,
    own?: ReadonlyMap<string, TypeCounts>,
  ): { length: number; counts: TypeCounts } | undefined {
    const candidates = this.byFirstWord.get(lower[start]);
    if (candidates === undefined) return undefined;
    for (const form of candidates) {
      const parts = form.parts;
      if (start + parts.length > lower.length) continue;
      let ok = true;
      for (let k = 1; k < parts.length && ok; k += 1) ok = lower[start + k] === parts[k];
      if (!ok) continue;
      let counts = form.counts;
      if (own !== undefined) {
        const mine = own.get(parts.join(' '));
        if (mine !== undefined) {
          counts = [counts[0] - mine[0], counts[1] - mine[1], counts[2] - mine[2], counts[3] - mine[3]];
          if (counts[0] + counts[1] + counts[2] + counts[3] <= 0) continue;
        }
      }
      return { length: parts.length, counts };
    }
    return undefined;
  }

  static empty(): SeenEntities {
    return new SeenEntities(new Map());
  }

  /** One `name<TAB>PER<TAB>ORG<TAB>LOC<TAB>MISC` line per name, gzipped; `#` lines are comments. */
  static parse(file: Buffer): SeenEntities {
    const table = new Map<string, TypeCounts>();
    for (const line of gunzipSync(file).toString('utf8').split('\n')) {
      if (line === '' || line.startsWith('#')) continue;
      const [key, per, org, loc, misc] = line.split('\t');
      table.set(key, [Number(per), Number(org), Number(loc), Number(misc)]);
    }
    return new SeenEntities(table);
  }

  static load(path: string): SeenEntities {
    return existsSync(path) ? SeenEntities.parse(readFileSync(path)) : SeenEntities.empty();
  }

  serialize(comment: string): Buffer {
    const lines = [`# ${comment}`];
    for (const [key, counts] of [...this.table].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)))
      if (!/[\t\n]/.test(key)) lines.push(`${key}\t${counts.join('\t')}`);
    return gzipSync(Buffer.from(`${lines.join('\n')}\n`, 'utf8'), { level: 9 });
  }
}

/** Adds a labelled span's name to a count table. */
export function countSeenEntity(
  table: Map<string, TypeCounts>,
  words: readonly string[],
  type: number,
): void {
  const key = seenEntityKey(words);
  const counts = [...(table.get(key) ?? [0, 0, 0, 0])] as [number, number, number, number];
  counts[type] += 1;
  table.set(key, counts);
}
