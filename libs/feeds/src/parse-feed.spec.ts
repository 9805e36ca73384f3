import { catchFeedParseError, readFixture } from './fixtures/read-fixture';
import { parseFeed } from './index';

const rssWithItems = (count: number): Buffer =>
  Buffer.from(
    `<rss><channel>${Array.from({ length: count }, (_, index) => `<item><title>Item ${index}</title></item>`).join('')}</channel></rss>`,
  );

describe(parseFeed.name, () => {
  it('rejects an item with neither title nor summary nor content, and keeps its neighbours, in order', () => {
    const feed = parseFeed(readFixture('rss2/neighbours.xml'), undefined);
    expect(feed.items).toEqual([
      { status: 'ok', item: expect.objectContaining({ title: 'First' }) },
      {
        status: 'rejected',
        reason: 'item has neither a title nor a summary or content',
        item: expect.objectContaining({ guid: 'n-2', link: 'https://neighbours.example/2' }),
      },
      { status: 'ok', item: expect.objectContaining({ summary: 'Third has only a description.' }) },
    ]);
  });

  it('rejects an item with a field over maxFieldLength, naming the field, and keeps the others', () => {
    const body = Buffer.from(
      `<rss><channel><item><title>short</title></item><item><title>ok</title><description>${'x'.repeat(101)}</description></item></channel></rss>`,
    );
    const feed = parseFeed(body, 'application/rss+xml', { maxFieldLength: 100 });
    expect(feed.items.map((result) => result.status)).toEqual(['ok', 'rejected']);
    expect(feed.items[1]).toMatchObject({
      reason: "field 'summary' is 101 characters long, over the limit of 100",
    });
  });

  it('refuses more than maxItems items as too_many_items', () => {
    expect(
      catchFeedParseError(() => parseFeed(rssWithItems(4), 'application/rss+xml', { maxItems: 3 })),
    ).toMatchObject({
      code: 'too_many_items',
      message: 'the feed has 4 items, over the limit of 3',
    });
    expect(parseFeed(rssWithItems(3), 'application/rss+xml', { maxItems: 3 }).items).toHaveLength(3);
  });

  it('allows 1000 items by default and refuses 1001', () => {
    expect(parseFeed(rssWithItems(1000), 'application/rss+xml').items).toHaveLength(1000);
    expect(catchFeedParseError(() => parseFeed(rssWithItems(1001), 'application/rss+xml'))).toMatchObject({
      code: 'too_many_items',
    });
  });

  it.each(['text/html', 'text/html; charset=utf-8', 'image/png', 'application/pdf'])(
    'refuses media type %s as unsupported_media_type',
    (contentType) => {
      expect(catchFeedParseError(() => parseFeed(rssWithItems(1), contentType))).toMatchObject({
        code: 'unsupported_media_type',
        message: expect.stringContaining('is not a feed'),
      });
    },
  );

  it.each([
    'application/rss+xml',
    'application/rdf+xml',
    'application/atom+xml',
    'application/xml',
    'text/xml; charset=utf-8',
    'APPLICATION/RSS+XML',
    undefined,
  ])('accepts media type %s and detects the format from the content', (contentType) => {
    expect(parseFeed(rssWithItems(1), contentType).format).toBe('rss2');
  });

  it('refuses an empty or blank body as empty_document', () => {
    for (const body of ['', '  \n\t', '\uFEFF']) {
      expect(catchFeedParseError(() => parseFeed(Buffer.from(body), 'application/rss+xml'))).toMatchObject({
        code: 'empty_document',
      });
    }
  });

  it('refuses text that is neither XML nor JSON as malformed', () => {
    expect(catchFeedParseError(() => parseFeed(Buffer.from('hello, world'), 'text/plain'))).toMatchObject({
      code: 'malformed',
      message: expect.stringContaining('neither XML nor valid JSON'),
    });
  });

  it('refuses a charset it does not know as malformed', () => {
    expect(
      catchFeedParseError(() => parseFeed(rssWithItems(1), 'application/rss+xml; charset=klingon')),
    ).toMatchObject({ code: 'malformed', message: "unsupported charset 'klingon'" });
  });
});
