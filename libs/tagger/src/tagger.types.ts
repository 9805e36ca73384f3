// The public contract of the tagger (architecture.md, "Fixed interfaces", row `tag`). Other
// services code against these names; add fields, never rename them.

export type EntityType = 'PERSON' | 'ORGANIZATION' | 'LOCATION' | 'MISC';

export interface EntityMention {
  /** JavaScript string index (UTF-16 code units) of the first character. */
  start: number;
  /** Exclusive end index: `text === input.slice(start, end)`. */
  end: number;
  type: EntityType;
  text: string;
  /** A Wikidata QID (`Q64`) when curated; for a place without one `geonames:<id>` or `iso3166-2:<code>`; otherwise `nf:<type>:<slug>`. */
  id?: string;
  /** 0..1; how sure the tagger is of the span and its type. */
  confidence?: number;
}

export interface TagResult {
  /** ISO 639-1 code, or `und` when the text is too short or the language is unknown. */
  language: string;
  entities: EntityMention[];
}

export interface Tagger {
  tag(text: string): TagResult;
}
