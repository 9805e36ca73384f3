import { Type, type Static } from '@sinclair/typebox';

/**
 * NEVER RENAME these values. The queue name and job name are part of the keys BullMQ keeps in Redis
 * (`<prefix>:feed-poll:…`) and of every job scheduler already stored there: renaming one orphans every
 * registered feed's schedule until each is re-registered.
 */
export const FEED_POLL_QUEUE = 'feed-poll';
export const FEED_POLL_JOB = 'poll';

/** What a poll job carries: only the feed id; everything else is read fresh from PostgreSQL. */
export const FeedPollJobSchema = Type.Object({ feedId: Type.String({ format: 'uuid' }) });
export type FeedPollJob = Static<typeof FeedPollJobSchema>;
