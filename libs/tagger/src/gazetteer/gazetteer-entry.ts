import type { EntityType } from '../tagger.types';

/**
 * One curated entity. `qid` is a Wikidata item id and is only present where the mapping is certain;
 * an entry without it still fixes the type and the canonical name (its id becomes an `nf:` slug).
 */
export interface GazetteerEntry {
  name: string;
  type: EntityType;
  qid?: string;
  /** Other surface forms as they appear in running text (case-sensitive). */
  aliases?: readonly string[];
}

/** An entry of `type`, leaving out an empty alias list and a missing QID. */
export function curated(
  type: EntityType,
  name: string,
  aliases: readonly string[] = [],
  qid?: string,
): GazetteerEntry {
  return { name, type, ...(qid !== undefined ? { qid } : {}), ...(aliases.length > 0 ? { aliases } : {}) };
}
