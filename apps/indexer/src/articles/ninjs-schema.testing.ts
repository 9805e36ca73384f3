import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv2020, { type ErrorObject } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';

/**
 * IPTC's ninjs 2.2 JSON Schema, read where the shared design folder sits beside the repository
 * (../shared/design/ninjs, as in CI). Never copied into the repo: its licence travels with it there.
 * Its GeoJSON reference is resolved to the local copy beside it, so validation works offline.
 */
export const NINJS_SCHEMA_DIR = join(__dirname, '..', '..', '..', '..', '..', 'shared', 'design', 'ninjs');

export function ninjsValidator(): (document: unknown) => ErrorObject[] {
  const read = (name: string) => JSON.parse(readFileSync(join(NINJS_SCHEMA_DIR, name), 'utf8')) as object;
  const ajv = addFormats(new Ajv2020({ strict: false, allErrors: true }));
  ajv.addSchema(read('GeoJSON-schema.json'));
  const validate = ajv.compile(read('ninjs-schema_2.2.json'));
  return (document) => (validate(document) ? [] : [...(validate.errors ?? [])]);
}
