import { type RawArticleEvent } from '@newsflow/contracts';

/**
 * One article as the ingester understands it, whatever it arrived as (ninjs 1.x or 2.x JSON, or a
 * feed item). Everything downstream of parsing — identity, versioning, publishing — works on this.
 */
export interface IncomingArticle {
  /** The publisher's identifier (ninjs uri, feed guid); with the source it makes the article id. */
  uri: string;
  headline: string;
  bodyText?: string;
  bodyHtml?: string;
  summary?: string;
  byline?: string;
  language?: string;
  link?: string;
  pubStatus: RawArticleEvent['pubStatus'];
  /** RFC 3339, as the publisher declared it; absent when it did not. */
  versionCreated?: string;
  firstCreated?: string;
}
