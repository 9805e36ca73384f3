import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderJsonSchemas } from '../json-schema-files';
import { validateRawArticleEvent, type RawArticleEvent } from '.';

const rawEvent = (): RawArticleEvent => ({
  schema: 'newsflow.raw-article.v1',
  eventId: '0b6f3f0e-6a43-4a51-9b7c-2f7d0b7a9e10',
  articleId: 'a'.repeat(32),
  version: 1,
  status: 'accepted',
  sourceId: 'dev',
  uri: 'urn:newsflow:test:1',
  headline: 'Harbour reopens after storm',
  bodyText: 'The harbour reopened on Monday.',
  pubStatus: 'usable',
  versionCreated: '2026-11-27T10:00:00Z',
  contentHash: 'b'.repeat(64),
  ingestedAt: '2026-11-27T10:00:01Z',
});

describe('event validators', () => {
  it('accepts a well-formed raw article event', () => {
    expect(validateRawArticleEvent(rawEvent())).toEqual({ ok: true, value: rawEvent() });
  });

  it('names every bad field', () => {
    const bad = { ...rawEvent(), version: 0, pubStatus: 'gone', extra: true } as unknown;
    delete (bad as Record<string, unknown>).headline;
    const result = validateRawArticleEvent(bad);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const paths = result.errors.map((e) => e.path).sort();
    expect(paths).toEqual(['/extra', '/headline', '/pubStatus', '/version']);
    expect(result.errors.find((e) => e.path === '/pubStatus')?.message).toBe(
      'must be one of "usable", "withheld", "canceled"',
    );
  });

  it('keeps the committed JSON Schema files in step with the code (run `npm run schemas`)', () => {
    for (const [name, content] of Object.entries(renderJsonSchemas())) {
      const committed = readFileSync(join(__dirname, '..', '..', 'schemas', name), 'utf8');
      expect(committed).toBe(content);
    }
  });
});
