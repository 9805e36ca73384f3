import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { gunzipSync } from 'node:zlib';

/**
 * Distributional word classes learned from unlabelled text (see training/cluster-words.ts): each
 * known word has one class at three granularities, coarse to fine, nested so that a fine class
 * lies inside one middle class and one coarse class (like Brown-cluster bit-string prefixes).
 * Words that never had an entity label in the annotated data still share a class with words that
 * had one, which is what lets the model generalise from "Fulham" to "Everton".
 */

/** The shipped table: libs/tagger/model/, next to both src/ and dist/. */
export const WORD_CLUSTERS_PATH = resolve(__dirname, '../../model/word-clusters.tsv.gz');

/** Class counts per level, coarse → fine. Changing them needs a rebuilt table and retraining. */
export const CLUSTER_LEVELS = [64, 256, 1024] as const;

/** A word's classes packed as coarse | middle << 8 | fine << 16; UNKNOWN_CLUSTER when unseen. */
export const UNKNOWN_CLUSTER = -1;

/** The form a word is counted and looked up under: digits collapse to 0 ("1987" → "0000"). */
export function clusterKey(word: string): string {
  return word.replace(/[0-9]/g, '0');
}

export class WordClusters {
  constructor(private readonly table: ReadonlyMap<string, number>) {}

  get size(): number {
    return this.table.size;
  }

  /**
   * Packed classes of a word: its exact form, else lower case, else title case (so an all-caps
   * headline word finds "Geneva").
   */
  lookup(word: string): number {
    const key = clusterKey(word);
    const exact = this.table.get(key);
    if (exact !== undefined) return exact;
    const lower = key.toLowerCase();
    const lowered = this.table.get(lower);
    if (lowered !== undefined) return lowered;
    return this.table.get(lower.charAt(0).toUpperCase() + lower.slice(1)) ?? UNKNOWN_CLUSTER;
  }

  static empty(): WordClusters {
    return new WordClusters(new Map());
  }

  /** Parses the gzipped table: one `word<TAB>coarse<TAB>middle<TAB>fine` line per word. */
  static parse(file: Buffer): WordClusters {
    const table = new Map<string, number>();
    for (const line of gunzipSync(file).toString('utf8').split('\n')) {
      if (line === '' || line.startsWith('#')) continue;
      const [word, coarse, middle, fine] = line.split('\t');
      table.set(word, packClusters(Number(coarse), Number(middle), Number(fine)));
    }
    return new WordClusters(table);
  }

  /** The shipped table, or none (a model trained without clusters does not need one). */
  static load(path = WORD_CLUSTERS_PATH): WordClusters {
    return existsSync(path) ? WordClusters.parse(readFileSync(path)) : WordClusters.empty();
  }
}

export function packClusters(coarse: number, middle: number, fine: number): number {
  return coarse | (middle << 8) | (fine << 16);
}
