import { catchFeedParseError, readFixture } from './fixtures/read-fixture';
import { FeedParseError, parseFeed } from './index';

describe('parseFeed: JSON Feed', () => {
  it('reads JSON Feed 1.1: authors, item language, relative url and image, tags, broken date_modified', () => {
    const feed = parseFeed(readFixture('jsonfeed/version-1.1.json'), 'application/feed+json');
    expect(feed).toMatchObject({
      format: 'jsonfeed',
      title: 'Peak Post',
      link: 'https://peak.example/',
      language: 'en-US',
    });
    expect(feed.items[0]).toEqual({
      status: 'ok',
      item: {
        title: 'Avalanche risk raised & roads closed',
        link: 'https://peak.example/stories/avalanche',
        guid: 'peak-1',
        summary: 'Risk raised to level 4.',
        content: '<p>Risk level <b>4</b> of 5.</p>',
        published: '2025-01-15T12:00:00.000Z',
        updated: null,
        authors: [{ name: 'Eli Snow', email: null, url: 'https://peak.example/people/eli' }],
        categories: ['weather', 'roads'],
        language: 'fr-CA',
        image: 'https://peak.example/img/avalanche.jpg',
        pubStatus: 'usable',
      },
    });
  });

  it('takes content_text as the summary, a numeric id as text, and the feed authors and language by default', () => {
    const feed = parseFeed(readFixture('jsonfeed/version-1.1.json'), 'application/feed+json');
    expect(feed.items[1]).toMatchObject({
      status: 'ok',
      item: {
        title: null,
        guid: '42',
        summary: 'A numeric id and only plain text.',
        content: null,
        language: 'en-US',
        authors: [{ name: 'Peak Newsroom', email: null, url: 'https://peak.example/newsroom' }],
      },
    });
  });

  it('rejects an item of the wrong shape, naming the field, and keeps its neighbours', () => {
    const feed = parseFeed(readFixture('jsonfeed/version-1.1.json'), 'application/feed+json');
    expect(feed.items.map((result) => result.status)).toEqual(['ok', 'ok', 'rejected']);
    expect(feed.items[2]).toMatchObject({
      status: 'rejected',
      reason: 'JSON Feed item is invalid: /title: must be string',
      item: { guid: 'peak-3' },
    });
  });

  it('reads JSON Feed 1.0 `author`, on the item and inherited from the feed', () => {
    const feed = parseFeed(readFixture('jsonfeed/version-1.0.json'), 'application/json');
    expect(feed.items.map((result) => result.item.authors)).toEqual([
      [{ name: 'Item Author', email: null, url: null }],
      [{ name: 'Feed Owner', email: null, url: 'https://old-json.example/about' }],
    ]);
  });

  it('answers a feed without items with no items', () => {
    expect(parseFeed(readFixture('jsonfeed/empty.json'), 'application/feed+json')).toEqual({
      format: 'jsonfeed',
      title: 'Nothing',
      link: null,
      language: null,
      items: [],
    });
  });

  it('refuses JSON that is not a JSON Feed, and a JSON Feed whose items are not a list', () => {
    expect(
      catchFeedParseError(() => parseFeed(Buffer.from('{"hello":"world"}'), 'application/json')),
    ).toMatchObject({ code: 'malformed', message: expect.stringContaining('not a JSON Feed') });
    const noList = Buffer.from('{"version":"https://jsonfeed.org/version/1.1","items":{}}');
    expect(catchFeedParseError(() => parseFeed(noList, 'application/feed+json'))).toMatchObject({
      code: 'malformed',
      message: 'JSON Feed is invalid: /items: must be array',
    });
  });

  it('refuses truncated JSON with the parser message', () => {
    const error = catchFeedParseError(() =>
      parseFeed(Buffer.from('{"version": "https://jsonfeed.org/ver'), 'application/json'),
    );
    expect(error).toBeInstanceOf(FeedParseError);
    expect(error).toMatchObject({ code: 'malformed', message: expect.stringContaining('JSON') });
  });
});
