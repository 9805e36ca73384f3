import { readFixture } from './fixtures/read-fixture';
import { parseFeed } from './index';

describe('parseFeed: RSS 1.0 (RDF)', () => {
  const feed = parseFeed(readFixture('rss1/edge-cases.rdf'), 'application/rdf+xml');

  it('reads the channel, with dc:language', () => {
    expect(feed).toMatchObject({
      format: 'rss1',
      title: 'Valley Courier',
      link: 'https://valley.example/',
      language: 'de',
    });
  });

  it('takes rdf:about as the guid, resolves the link against xml:base, reads Dublin Core and content:encoded', () => {
    expect(feed.items[0]).toEqual({
      status: 'ok',
      item: {
        title: 'Bridge reopens after repairs',
        link: 'https://valley.example/story/1',
        guid: 'https://valley.example/story/1',
        summary: '<p>Traffic flows again.</p>',
        content: '<p>The bridge <strong>reopened</strong> on Monday.</p>',
        published: '2025-03-03T05:00:00.000Z',
        updated: null,
        authors: [{ name: 'Clara Schmidt', email: null, url: null }],
        categories: ['Traffic'],
        language: 'de',
        image: null,
        pubStatus: 'usable',
      },
    });
  });

  it('reads an impossible dc:date (30 February) as null and takes xml:lang as the item language', () => {
    expect(feed.items[1]).toMatchObject({
      status: 'ok',
      item: { guid: 'https://valley.example/story/2', published: null, language: 'en' },
    });
  });

  it('answers a channel without items with no items', () => {
    const empty = parseFeed(readFixture('rss1/empty.rdf'), 'application/rdf+xml');
    expect(empty).toMatchObject({ format: 'rss1', title: 'Quiet', items: [] });
  });
});
