#!/usr/bin/env node
// `npm run docs` (after the build): writes the documents for integrators from the code —
// docs/openapi/<app>.json from each app's collector (apps/<app>/src/<app>.openapi.ts) and
// docs/asyncapi.json from the contracts. Unit specs fail when the committed files drift from the code.
'use strict';
const { mkdirSync, writeFileSync } = require('node:fs');
const { join } = require('node:path');

const root = join(__dirname, '..');
const platform = require(join(root, 'libs/platform/dist'));

const documents = {
  'docs/openapi/ingester.json': require(
    join(root, 'apps/ingester/dist/ingester.openapi.js'),
  ).ingesterOpenApiDocument(),
  'docs/openapi/enricher.json': require(
    join(root, 'apps/enricher/dist/enricher.openapi.js'),
  ).enricherOpenApiDocument(),
  'docs/openapi/indexer.json': require(
    join(root, 'apps/indexer/dist/indexer.openapi.js'),
  ).indexerOpenApiDocument(),
  'docs/asyncapi.json': platform.committedAsyncApiDocument(platform.NEWSFLOW_API_VERSION),
};
for (const [path, document] of Object.entries(documents)) {
  mkdirSync(join(root, path, '..'), { recursive: true });
  writeFileSync(join(root, path), platform.renderJsonDocument(document));
  process.stderr.write(`wrote ${path}\n`);
}
