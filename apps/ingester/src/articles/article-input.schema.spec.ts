import { validatePush } from './article-input.schema';

const article = { uri: 'urn:x:1', headline: 'Bridge reopens', body_text: 'The bridge reopened.' };

describe(validatePush.name, () => {
  it('accepts one article or an array and remembers which', () => {
    expect(validatePush(article, 10)).toEqual({ ok: true, articles: [article], single: true });
    expect(validatePush([article, article], 10)).toMatchObject({ ok: true, single: false });
  });

  it('names every bad field of every article with its index', () => {
    const result = validatePush(
      [article, { uri: '', headline: 7 }, { headline: 'No uri', body_html: '<p>x</p>' }],
      10,
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toEqual(
      expect.arrayContaining([
        { path: '/1/uri', message: 'must NOT have fewer than 1 characters' },
        { path: '/1/headline', message: 'must be string' },
        { path: '/2/uri', message: 'is required' },
      ]),
    );
    expect(result.errors.every((e) => !e.path.startsWith('/0'))).toBe(true);
  });

  it('requires a body unless the article is being killed', () => {
    const result = validatePush({ uri: 'u', headline: 'h' }, 10);
    expect(result).toEqual({
      ok: false,
      errors: [{ path: '/body_text', message: 'body_text or body_html is required' }],
    });
    expect(validatePush({ uri: 'u', headline: 'h', pubstatus: 'canceled' }, 10).ok).toBe(true);
  });

  it('rejects bad dates, languages and statuses', () => {
    const result = validatePush(
      { ...article, versioncreated: 'yesterday', language: 'english!', pubstatus: 'gone' },
      10,
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.map((e) => e.path).sort()).toEqual(['/language', '/pubstatus', '/versioncreated']);
  });

  it('rejects non-objects, empty arrays and oversized batches', () => {
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
