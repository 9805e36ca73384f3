import { readFixture } from './fixtures/read-fixture';
import { parseFeed, type FeedItemResult } from './index';

const summary = (result: FeedItemResult) => ({
  status: result.status,
  guid: result.item.guid,
  pubStatus: result.item.pubStatus,
  ...(result.status === 'rejected' ? { reason: result.reason } : {}),
});

describe('parseFeed: killed items', () => {
  it('reads Atom tombstones (RFC 6721) as kills of the entry they name, in document order', () => {
    const feed = parseFeed(readFixture('atom/kills.xml'), 'application/atom+xml');
    expect(feed.items.map(summary)).toEqual([
      { status: 'ok', guid: 'tag:courier.example,2026:bridge', pubStatus: 'usable' },
      { status: 'ok', guid: 'tag:courier.example,2026:mayor-quote', pubStatus: 'canceled' },
      { status: 'ok', guid: 'tag:courier.example,2026:budget', pubStatus: 'canceled' },
      {
        status: 'rejected',
        guid: null,
        pubStatus: 'canceled',
        reason: 'at:deleted-entry has no ref attribute naming the entry it deletes',
      },
    ]);
    expect(feed.items[1].item).toEqual({
      title: null,
      link: 'https://courier.example/news/mayor-quote',
      guid: 'tag:courier.example,2026:mayor-quote',
      summary: 'Story withdrawn: the quote was misattributed.',
      content: null,
      published: null,
      updated: '2026-11-27T08:45:00.000Z',
      authors: [],
      categories: [],
      language: null,
      image: null,
      pubStatus: 'canceled',
    });
  });

  it('reads nf:pubstatus on RSS items: a kill needs only its guid; an unknown value means usable', () => {
    const feed = parseFeed(readFixture('rss2/kills.xml'), 'application/rss+xml');
    expect(feed.items.map(summary)).toEqual([
      { status: 'ok', guid: 'hillpost-ski-lift', pubStatus: 'canceled' },
      { status: 'ok', guid: 'hillpost-embargoed', pubStatus: 'canceled' },
      { status: 'ok', guid: 'hillpost-market', pubStatus: 'usable' },
      {
        status: 'rejected',
        guid: null,
        pubStatus: 'canceled',
        reason: 'killed item has neither a guid nor a link to identify it',
      },
    ]);
  });

  it('reads the _newsflow.pubstatus extension of JSON Feed items', () => {
    const feed = parseFeed(readFixture('jsonfeed/kills.json'), 'application/feed+json');
    expect(feed.items.map(summary)).toEqual([
      { status: 'ok', guid: 'lakeside-1', pubStatus: 'usable' },
      { status: 'ok', guid: 'lakeside-2', pubStatus: 'canceled' },
      { status: 'ok', guid: 'lakeside-3', pubStatus: 'withheld' },
      { status: 'ok', guid: 'lakeside-4', pubStatus: 'usable' },
    ]);
  });
});
