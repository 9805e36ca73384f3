import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Gazetteer } from '../gazetteer/gazetteer';
import { FeatureExtractor } from './features';
import { deserializeModel, type LoadedModel } from './model-file';
import { MODEL_PATH, secondStagePath } from './model-path';
import type { SequenceModel } from './sequence-model';
import { PlaceTable } from './places';
import { phraseTokens } from './text-sentences';
import { SeenEntities } from './seen-entities';
import { WordClusters } from './word-clusters';

export interface ShippedModel extends LoadedModel {
  extractor: FeatureExtractor;
  /** The document-level second pass, when its file is there. */
  secondPass?: SequenceModel;
}

/** Reads the shipped weights (or another model file) and builds the matching feature extractor. */
export function loadModel(gazetteer: Gazetteer, path = MODEL_PATH): ShippedModel {
  const loaded = deserializeModel(readFileSync(path));
  const second = secondStagePath(path);
  const secondPass = existsSync(second) ? deserializeModel(readFileSync(second)) : undefined;
  if (secondPass !== undefined && secondPass.header.bucketBits !== loaded.header.bucketBits)
    throw new Error('the two passes of the model use different feature tables');
  return {
    model: loaded.model,
    // Confidences are calibrated on the pass that makes the final decision.
    header: secondPass?.header ?? loaded.header,
    extractor: new FeatureExtractor(
      gazetteer,
      loaded.header.bucketBits,
      phraseTokens,
      // The word classes the model was trained with sit beside it.
      loaded.header.clusters !== undefined
        ? WordClusters.parse(readFileSync(join(dirname(path), loaded.header.clusters)))
        : WordClusters.empty(),
      loaded.header.seenEntities !== undefined
        ? SeenEntities.parse(readFileSync(join(dirname(path), loaded.header.seenEntities)))
        : SeenEntities.empty(),
      // Shared (cached per path) with the id choice when it is the shipped table.
      loaded.header.places !== undefined
        ? PlaceTable.load(join(dirname(path), loaded.header.places), true)
        : PlaceTable.empty(),
    ),
    ...(secondPass !== undefined ? { secondPass: secondPass.model } : {}),
  };
}
