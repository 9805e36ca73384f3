import { createDefaultGazetteer } from './gazetteer/gazetteer';
import { loadLanguageDetector } from './language-detector';
import { RuleBasedTagger } from './rule-based-tagger';
import type { Tagger } from './tagger.types';

export type { EntityMention, EntityType, TagResult, Tagger } from './tagger.types';
export * from './topics';

/**
 * Builds a tagger. Asynchronous because the language model and the gazetteer load once here;
 * `tag()` itself is synchronous and safe to call for every article afterwards.
 */
export async function createTagger(): Promise<Tagger> {
  const languageDetector = await loadLanguageDetector();
  return new RuleBasedTagger(languageDetector, createDefaultGazetteer());
}
