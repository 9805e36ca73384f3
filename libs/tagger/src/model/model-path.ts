import { resolve } from 'node:path';

/** The shipped weights: libs/tagger/model/, next to both src/ and dist/. */
export const MODEL_PATH = resolve(__dirname, '../../model/ner-model.bin.gz');

/** The second-pass model sits beside the first: `ner-model.bin.gz` → `ner-model.pass2.bin.gz`. */
export function secondStagePath(firstStagePath: string): string {
  return firstStagePath.replace(/(\.bin\.gz)?$/, '.pass2.bin.gz');
}
