import { createHash } from 'node:crypto';
import { type IncomingArticle } from './incoming-article';

const sha256 = (value: string): string => createHash('sha256').update(value).digest('hex');

/**
 * The stable article id: the same source pushing the same uri always gets the same id, and two
 * sources can never collide (so one cannot overwrite another's story).
 */
export const articleIdFor = (sourceId: string, uri: string): string =>
  sha256(`${sourceId}\n${uri}`).slice(0, 32);

const normaliseWhitespace = (value: string | undefined): string => (value ?? '').replace(/\s+/g, ' ').trim();

/**
 * Hash of what readers see. Whitespace-only edits are not new versions; publication status is
 * compared separately (a kill changes status, not content).
 */
export const contentHashOf = (article: IncomingArticle): string =>
  sha256(
    JSON.stringify([
      normaliseWhitespace(article.headline),
      normaliseWhitespace(article.bodyText),
      normaliseWhitespace(article.bodyHtml),
      normaliseWhitespace(article.byline),
      (article.language ?? '').toLowerCase(),
    ]),
  );

/** Markup dropped, whitespace collapsed: enough for identity and similarity, not for display. */
export const stripTags = (html: string): string =>
  html
    .replace(/<[^>]*>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();

/** The text near-duplicates are judged on: headline and body, markup removed. */
export const fingerprintTextOf = (article: IncomingArticle): string =>
  [article.headline, article.bodyText ?? stripTags(article.bodyHtml ?? '')].join('\n\n');
