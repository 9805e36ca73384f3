import { BadRequestException } from '@nestjs/common';
import {
  decodeCursor,
  encodeCursor,
  queryFingerprint,
  toArticleSearch,
  type ArticleCursor,
} from './article-search';
import { ListArticlesQuerySchema } from './articles.schemas';
import { parameterParser } from './request-validation';

const parseQuery = parameterParser(ListArticlesQuerySchema, 'query parameter');

/** The `errors` of the 400 that `fn` throws. */
function errorsOf(fn: () => unknown): Array<{ path: string; message: string }> {
  try {
    fn();
  } catch (error) {
    if (error instanceof BadRequestException) {
      return (error.getResponse() as { errors: Array<{ path: string; message: string }> }).errors;
    }
    throw error;
  }
  throw new Error('expected a 400');
}

const search = (query: Record<string, string>) => toArticleSearch(parseQuery(query));

describe('article cursors', () => {
  const cursor: ArticleCursor = {
    order: 'relevance',
    versionCreated: '2026-11-27T08:01:00.123456Z',
    id: 'a'.repeat(32),
    score: '0.0607927',
    query: '0123456789abcdef',
  };

  it('decodes what it encodes, keeping the microseconds and the exact score', () => {
    expect(decodeCursor(encodeCursor(cursor))).toEqual(cursor);
  });

  it('is opaque URL-safe text', () => {
    expect(encodeCursor(cursor)).toMatch(/^[A-Za-z0-9_-]+$/);
  });

  it.each([
    ['not base64 JSON', '!!!'],
    ['JSON of another shape', Buffer.from('{"v":1}').toString('base64url')],
    ['a relevance cursor without a score', encodeCursor({ ...cursor, score: undefined })],
    ['a recent cursor with a score', encodeCursor({ ...cursor, order: 'recent' })],
    ['a timestamp without microseconds', encodeCursor({ ...cursor, versionCreated: '2026-11-27T08:01:00Z' })],
  ])('refuses %s', (_what, text) => {
    expect(decodeCursor(text)).toBeUndefined();
  });
});

describe('GET /v1/articles parameters', () => {
  it('reads a full query: limit as a number, order defaulting to recent', () => {
    expect(
      search({
        q: ' harbour strike ',
        entity: 'Q64',
        type: 'LOCATION',
        source: 'wire',
        language: 'en',
        since: '2026-11-01T00:00:00Z',
        until: '2026-11-28T00:00:00+01:00',
        limit: '5',
      }),
    ).toEqual({
      q: 'harbour strike',
      entity: 'Q64',
      type: 'LOCATION',
      source: 'wire',
      language: 'en',
      since: '2026-11-01T00:00:00Z',
      until: '2026-11-28T00:00:00+01:00',
      order: 'recent',
      limit: 5,
    });
  });

  it('defaults to 20 per page, newest first', () => {
    expect(search({})).toEqual({ order: 'recent', limit: 20 });
  });

  it.each([
    [{ limit: '0' }, '/limit', /must be >= 1/],
    [{ limit: '101' }, '/limit', /must be <= 100/],
    [{ limit: '2x' }, '/limit', /must be integer/],
    [{ type: 'ANIMAL' }, '/type', /must be one of "PERSON", "ORGANIZATION", "LOCATION", "MISC"/],
    [{ since: 'yesterday' }, '/since', /date-time/],
    [{ until: '2026-11-27' }, '/until', /date-time/],
    [{ language: 'English' }, '/language', /pattern/],
    [{ order: 'oldest' }, '/order', /must be one of "recent", "relevance"/],
    [{ q: '' }, '/q', /fewer than 1/],
    [{ colour: 'red' }, '/colour', /is not allowed/],
  ])('answers 400 naming the parameter for %j', (query, path, message) => {
    expect(errorsOf(() => search(query as Record<string, string>))).toEqual([
      { path, message: expect.stringMatching(message) },
    ]);
  });

  it('refuses a repeated parameter', () => {
    expect(errorsOf(() => toArticleSearch(parseQuery({ source: ['a', 'b'] })))).toEqual([
      { path: '/source', message: 'must be string' },
    ]);
  });

  it('names every bad parameter at once', () => {
    expect(
      errorsOf(() => search({ limit: '0', type: 'x' }))
        .map((e) => e.path)
        .sort(),
    ).toEqual(['/limit', '/type']);
  });

  it('refuses until before since, relevance without q, and a blank q', () => {
    expect(errorsOf(() => search({ since: '2026-11-27T10:00:00Z', until: '2026-11-27T09:00:00Z' }))).toEqual([
      { path: '/until', message: 'must be after since' },
    ]);
    expect(errorsOf(() => search({ order: 'relevance' }))).toEqual([
      { path: '/order', message: 'relevance needs q' },
    ]);
    expect(errorsOf(() => search({ q: '   ' })).map((e) => e.path)).toContain('/q');
  });

  it('takes back a cursor issued for the same filters, whatever the page size', () => {
    const filters = { order: 'recent' as const, source: 'wire', q: 'harbour' };
    const cursor = encodeCursor({
      order: 'recent',
      versionCreated: '2026-11-27T08:01:00.000001Z',
      id: 'b'.repeat(32),
      query: queryFingerprint(filters),
    });

    expect(search({ source: 'wire', q: 'harbour', limit: '3', cursor }).after).toMatchObject({
      id: 'b'.repeat(32),
      versionCreated: '2026-11-27T08:01:00.000001Z',
    });
  });

  it('refuses a cursor made for other filters, and one it did not issue', () => {
    const cursor = encodeCursor({
      order: 'recent',
      versionCreated: '2026-11-27T08:01:00.000001Z',
      id: 'b'.repeat(32),
      query: queryFingerprint({ order: 'recent', source: 'wire' }),
    });

    expect(errorsOf(() => search({ source: 'other', cursor }))).toEqual([
      { path: '/cursor', message: expect.stringMatching(/other filters/) },
    ]);
    expect(errorsOf(() => search({ cursor: 'bm90IGEgY3Vyc29y' }))).toEqual([
      { path: '/cursor', message: 'is not a cursor this API issued' },
    ]);
  });
});
