import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderJsonDocument } from '@newsflow/platform';
import { indexerOpenApiDocument } from './indexer.openapi';

describe('docs/openapi/indexer.json', () => {
  it('is what the operations of the indexer generate (run `npm run docs` after changing a route)', () => {
    const committed = readFileSync(
      join(__dirname, '..', '..', '..', 'docs', 'openapi', 'indexer.json'),
      'utf8',
    );
    expect(committed).toBe(renderJsonDocument(indexerOpenApiDocument()));
  });
});
