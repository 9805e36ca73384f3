/**
 * Media types of feed documents that reach the feed push route as raw bytes: the parser needs the
 * bytes to detect the charset itself. (JSON Feed's application/json stays parsed by Fastify; the
 * route then reads the raw bytes kept beside it.)
 */
export const FEED_MEDIA_TYPES = [
  'application/rss+xml',
  'application/rdf+xml',
  'application/atom+xml',
  'application/xml',
  'text/xml',
  'application/feed+json',
];
