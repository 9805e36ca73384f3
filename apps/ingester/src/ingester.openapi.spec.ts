import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderJsonDocument } from '@newsflow/platform';
import { ingesterOpenApiDocument } from './ingester.openapi';

describe('docs/openapi/ingester.json', () => {
  it('is what the operations of the ingester generate (run `npm run docs` after changing a route)', () => {
    const committed = readFileSync(
      join(__dirname, '..', '..', '..', 'docs', 'openapi', 'ingester.json'),
      'utf8',
    );
    expect(committed).toBe(renderJsonDocument(ingesterOpenApiDocument()));
  });
});
