import { createDefaultGazetteer } from './gazetteer/gazetteer';
import { loadLanguageDetector } from './language-detector';
import { loadModel } from './model/load-model';
import { ModelTagger } from './model-tagger';
import type { Tagger } from './tagger.types';

export type { EntityMention, EntityType, TagResult, Tagger } from './tagger.types';
export * from './topics';

export interface TaggerOptions {
  /** Another model file than the shipped libs/tagger/model/ner-model.bin.gz (for evaluation). */
  modelPath?: string;
}

/**
 * Builds a tagger. Asynchronous because the language model, the NER weights and the gazetteer
 * load once here; `tag()` itself is synchronous and safe to call for every article afterwards.
 */
export async function createTagger(options: TaggerOptions = {}): Promise<Tagger> {
  const languageDetector = await loadLanguageDetector();
  const gazetteer = createDefaultGazetteer();
  const { model, extractor, header, secondPass } = loadModel(gazetteer, options.modelPath);
  return new ModelTagger(languageDetector, gazetteer, model, extractor, header.confidence, secondPass);
}
