import type { EntityMention } from '../tagger.types';

// What the specs check in a tagger's output. Test code only: the build leaves src/testing out.

/** The type of the first entity with this exact text. */
export function typeOf(entities: readonly EntityMention[], text: string): string | undefined {
  return entities.find((entity) => entity.text === text)?.type;
}

/** The types of every entity with this exact text, in order. */
export function typesOf(entities: readonly EntityMention[], text: string): string[] {
  return entities.filter((entity) => entity.text === text).map((entity) => entity.type);
}

/** [text, type] of every entity, in order. */
export function pairs(entities: readonly EntityMention[]): Array<[string, string]> {
  return entities.map((entity) => [entity.text, entity.type]);
}
