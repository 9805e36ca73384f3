import type { FeedPubStatus } from './pub-status';

export type FeedFormat = 'rss2' | 'rss1' | 'atom' | 'jsonfeed';

export interface FeedAuthor {
  name: string | null;
  email: string | null;
  url: string | null;
}

export interface FeedItem {
  /** Plain text: HTML in titles is stripped to text and entities are decoded. */
  title: string | null;
  /** Absolute URL, resolved against xml:base, then the feed's link, then `ParseOptions.baseUrl`. */
  link: string | null;
  /** RSS guid, Atom id, RSS 1.0 rdf:about, JSON Feed id — as given. */
  guid: string | null;
  /** description / summary / content_text, as given (HTML allowed). */
  summary: string | null;
  /** Full body HTML: content:encoded, Atom content, content_html. */
  content: string | null;
  /** ISO 8601 UTC, or null when absent or unparseable. */
  published: string | null;
  updated: string | null;
  authors: FeedAuthor[];
  categories: string[];
  /** The item's language, else the feed's. */
  language: string | null;
  /** Absolute URL of the item's image (media:content, media:thumbnail, image enclosure, JSON Feed image). */
  image: string | null;
  /**
   * `canceled` for a killed item: an Atom tombstone (RFC 6721 `at:deleted-entry`), or the Newsflow
   * extension (`nf:pubstatus`, JSON Feed `_newsflow.pubstatus`). See pub-status.ts.
   */
  pubStatus: FeedPubStatus;
}

export type FeedItemResult =
  { status: 'ok'; item: FeedItem } | { status: 'rejected'; reason: string; item: FeedItem };

export interface ParsedFeed {
  format: FeedFormat;
  title: string | null;
  link: string | null;
  language: string | null;
  /** In document order. */
  items: FeedItemResult[];
}

export interface ParseOptions {
  /** The URL the document came from; the last resort for resolving relative links. */
  baseUrl?: string;
  /** More items than this fails the whole document with `too_many_items`. Default 1000. */
  maxItems?: number;
  /** An item with a longer field (in UTF-16 code units) is rejected. Default 1 000 000. */
  maxFieldLength?: number;
}

/** What a format reader produces before the per-item limits and checks are applied. */
export interface FeedDocument {
  format: FeedFormat;
  title: string | null;
  link: string | null;
  language: string | null;
  items: FeedItemDraft[];
}

/** An item as read, plus a problem the reader found in it (JSON Feed shape errors). */
export interface FeedItemDraft {
  item: FeedItem;
  problem?: string;
}
