export { FeedParseError, type FeedParseErrorCode } from './feed-parse-error';
export type {
  FeedAuthor,
  FeedFormat,
  FeedItem,
  FeedItemResult,
  ParsedFeed,
  ParseOptions,
} from './feed.types';
export { parseFeed } from './parse-feed';
export { NEWSFLOW_FEED_NS, type FeedPubStatus } from './pub-status';
