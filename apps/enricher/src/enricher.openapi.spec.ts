import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderJsonDocument } from '@newsflow/platform';
import { enricherOpenApiDocument } from './enricher.openapi';

describe('docs/openapi/enricher.json', () => {
  it('is what the operations of the enricher generate (run `npm run docs` after changing a route)', () => {
    const committed = readFileSync(
      join(__dirname, '..', '..', '..', 'docs', 'openapi', 'enricher.json'),
      'utf8',
    );
    expect(committed).toBe(renderJsonDocument(enricherOpenApiDocument()));
  });
});
