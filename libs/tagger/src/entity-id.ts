import type { EntityType } from './tagger.types';

const COMBINING_MARKS = /\p{M}+/gu;
const NOT_SLUG = /[^\p{L}\p{N}]+/gu;

/** "Zoë O'Brien-Smith" → "zoe-o-brien-smith"; letters of any script are kept. */
export function slugify(name: string): string {
  return name
    .normalize('NFKD')
    .replace(COMBINING_MARKS, '')
    .toLowerCase()
    .replace(NOT_SLUG, '-')
    .replace(/^-+|-+$/g, '');
}

/**
 * Deterministic id for an entity without a curated QID. The `nf:` prefix and the shape
 * `nf:<type>:<slug>` are stored by the indexer and must never change.
 */
export function localEntityId(type: EntityType, name: string): string {
  return `nf:${type.toLowerCase()}:${slugify(name)}`;
}

/** Ids of places by name: the GeoNames / ISO 3166-2 table (model/places.ts). */
export interface PlaceIds {
  idOf(name: string): string | undefined;
}

/**
 * The canonical id of a resolved entity: its curated Wikidata QID; else, for a place, the
 * GeoNames (`geonames:2988507`) or ISO 3166-2 (`iso3166-2:US-TX`) id the place table gives its
 * canonical name; else `nf:<type>:<slug>`. Only LOCATION entities look the table up: "Reading"
 * tagged as a person is not the town.
 */
export function canonicalEntityId(
  type: EntityType,
  name: string,
  qid: string | undefined,
  places: PlaceIds,
): string {
  if (qid !== undefined) return qid;
  const placeId = type === 'LOCATION' ? places.idOf(name) : undefined;
  return placeId ?? localEntityId(type, name);
}
