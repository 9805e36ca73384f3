import { fromNinjs, validatePush, type ArticleInput } from './article-input.schema';

const article = { uri: 'urn:x:1', headline: 'Bridge reopens', body_text: 'The bridge reopened.' };

describe(validatePush.name, () => {
  it('accepts one article or an array and remembers which', () => {
    expect(validatePush(article, 10)).toMatchObject({ ok: true, single: true, items: [{ ok: true }] });
    expect(validatePush([article, article], 10)).toMatchObject({ ok: true, single: false });
  });

  it('judges each item on its own and names every bad field with its index', () => {
    const result = validatePush(
      [article, { uri: '', headline: 7 }, { headline: 'No uri', body_html: '<p>x</p>' }],
      10,
    );
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.items[0]).toMatchObject({
      ok: true,
      article: { uri: 'urn:x:1', headline: 'Bridge reopens' },
    });
    expect(result.items[1]).toEqual({
      ok: false,
      errors: [
        { path: '/1/uri', message: 'must NOT have fewer than 1 characters' },
        { path: '/1/headline', message: 'must be string' },
        { path: '/1/body_text', message: 'body_text, body_html or bodies[] is required' },
      ],
    });
    expect(result.items[2]).toEqual({ ok: false, errors: [{ path: '/2/uri', message: 'is required' }] });
  });

  it('requires a headline and, unless the article is being killed, a body', () => {
    expect(validatePush({ uri: 'u', headline: 'h' }, 10)).toMatchObject({
      items: [
        {
          ok: false,
          errors: [{ path: '/body_text', message: 'body_text, body_html or bodies[] is required' }],
        },
      ],
    });
    expect(validatePush({ uri: 'u', body_text: 'b' }, 10)).toMatchObject({
      items: [
        { ok: false, errors: [{ path: '/headline', message: 'headline or headlines[].value is required' }] },
      ],
    });
    expect(validatePush({ uri: 'u', headline: 'h', pubstatus: 'canceled' }, 10)).toMatchObject({
      items: [{ ok: true }],
    });
  });

  it('rejects bad dates, languages and statuses', () => {
    const result = validatePush(
      { ...article, versioncreated: 'yesterday', language: 'english!', pubstatus: 'gone' },
      10,
    );
    expect(result.ok && !result.items[0].ok && result.items[0].errors.map((e) => e.path).sort()).toEqual([
      '/language',
      '/pubstatus',
      '/versioncreated',
    ]);
  });

  it('rejects non-objects, empty arrays and oversized batches as a whole', () => {
    expect(validatePush('text', 10)).toMatchObject({ ok: false, errors: [{ path: '' }] });
    expect(validatePush([], 10)).toMatchObject({
      ok: false,
      errors: [{ message: 'must contain at least one article' }],
    });
    expect(validatePush([article, article, article], 2)).toMatchObject({
      ok: false,
      errors: [{ message: 'must contain at most 2 articles' }],
    });
  });
});

describe(fromNinjs.name, () => {
  it('reads ninjs 2.x headlines, bodies, descriptions and by, preferring the main role', () => {
    const input: ArticleInput = {
      uri: 'urn:x:2',
      headlines: [
        { role: 'short', value: 'Short one' },
        { role: 'main', value: 'Ferry service resumes on the northern route' },
      ],
      bodies: [
        { role: 'main', contenttype: 'text/plain', value: 'The ferry sailed at dawn.' },
        { role: 'richtext', contenttype: 'text/html', value: '<p>The ferry sailed at <b>dawn</b>.</p>' },
      ],
      descriptions: [{ value: 'Ferries are back.' }],
      by: 'A. Reporter',
      language: 'en-GB',
      pubstatus: 'withheld',
      versioncreated: '2026-11-27T10:00:00Z',
      firstcreated: '2026-11-27T09:00:00Z',
    };
    expect(fromNinjs(input)).toEqual({
      uri: 'urn:x:2',
      headline: 'Ferry service resumes on the northern route',
      bodyText: 'The ferry sailed at dawn.',
      bodyHtml: '<p>The ferry sailed at <b>dawn</b>.</p>',
      summary: 'Ferries are back.',
      byline: 'A. Reporter',
      language: 'en-GB',
      pubStatus: 'withheld',
      versionCreated: '2026-11-27T10:00:00Z',
      firstCreated: '2026-11-27T09:00:00Z',
    });
  });

  it('lets the 1.x fields win when a system sends both', () => {
    const input: ArticleInput = {
      uri: 'u',
      headline: 'Flat',
      headlines: [{ value: 'Nested' }],
      body_text: 'b',
    };
    expect(fromNinjs(input)).toMatchObject({ headline: 'Flat', bodyText: 'b', pubStatus: 'usable' });
  });

  it('maps an article shaped like IPTC’s ninjs 2.2 text example', () => {
    const iptcLike = {
      uri: 'http://ninjs.example.com/newsitems/x',
      type: 'text',
      versioncreated: '2013-07-09T10:37:00Z',
      by: 'Two Writers',
      headlines: [{ role: 'main', value: 'A headline' }],
      bodies: [{ role: 'richtext', contenttype: 'body_xhtml', value: '<p>Text.</p>' }],
    };
    expect(validatePush(iptcLike, 1)).toMatchObject({
      items: [
        { ok: true, article: { headline: 'A headline', bodyHtml: '<p>Text.</p>', byline: 'Two Writers' } },
      ],
    });
  });
});
