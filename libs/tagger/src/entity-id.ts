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
