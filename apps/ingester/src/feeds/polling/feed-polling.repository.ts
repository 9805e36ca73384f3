import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { type FeedStateChange } from './feed-poll-outcome';

export interface FeedRecord {
  id: string;
  sourceId: string;
  url: string;
  intervalSeconds: number;
  fullText: boolean;
  status: 'active' | 'disabled';
  etag: string | null;
  lastModified: string | null;
  consecutiveFailures: number;
  lastError: string | null;
  lastStatus: number | null;
  lastPolledAt: Date | null;
  lastSuccessAt: Date | null;
  nextPollAt: Date | null;
  itemsSeen: number;
  createdAt: Date;
  deletedAt: Date | null;
}

interface FeedRow {
  id: string;
  source_id: string;
  url: string;
  interval_seconds: number;
  full_text: boolean;
  status: 'active' | 'disabled';
  etag: string | null;
  last_modified: string | null;
  consecutive_failures: number;
  last_error: string | null;
  last_status: number | null;
  last_polled_at: Date | null;
  last_success_at: Date | null;
  next_poll_at: Date | null;
  items_seen: number;
  created_at: Date;
  deleted_at: Date | null;
}

const toRecord = (row: FeedRow): FeedRecord => ({
  id: row.id,
  sourceId: row.source_id,
  url: row.url,
  intervalSeconds: row.interval_seconds,
  fullText: row.full_text,
  status: row.status,
  etag: row.etag,
  lastModified: row.last_modified,
  consecutiveFailures: row.consecutive_failures,
  lastError: row.last_error,
  lastStatus: row.last_status,
  lastPolledAt: row.last_polled_at,
  lastSuccessAt: row.last_success_at,
  nextPollAt: row.next_poll_at,
  itemsSeen: row.items_seen,
  createdAt: row.created_at,
  deletedAt: row.deleted_at,
});

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** All access to the feeds table. */
@Injectable()
export class FeedPollingRepository {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  /**
   * Registers a live feed for the source, or returns the one it already has for this URL; `created`
   * tells which. The partial unique index decides, so two concurrent registrations make one feed.
   */
  async register(
    sourceId: string,
    url: string,
    intervalSeconds: number,
    fullText: boolean,
  ): Promise<{ feed: FeedRecord; created: boolean }> {
    const inserted = await this.dataSource.query<FeedRow[]>(
      `INSERT INTO feeds (source_id, url, interval_seconds, full_text) VALUES ($1, $2, $3, $4)
       ON CONFLICT (source_id, url) WHERE deleted_at IS NULL DO NOTHING
       RETURNING *`,
      [sourceId, url, intervalSeconds, fullText],
    );
    if (inserted[0]) return { feed: toRecord(inserted[0]), created: true };
    const existing = await this.dataSource.query<FeedRow[]>(
      `SELECT * FROM feeds WHERE source_id = $1 AND url = $2 AND deleted_at IS NULL`,
      [sourceId, url],
    );
    if (!existing[0]) throw new Error(`feed ${url} of ${sourceId} conflicted but cannot be found`);
    return { feed: toRecord(existing[0]), created: false };
  }

  /** A live (not deleted) feed of the source. */
  async findOwned(sourceId: string, id: string): Promise<FeedRecord | undefined> {
    if (!UUID.test(id)) return undefined;
    const rows = await this.dataSource.query<FeedRow[]>(
      `SELECT * FROM feeds WHERE id = $1 AND source_id = $2 AND deleted_at IS NULL`,
      [id, sourceId],
    );
    return rows[0] ? toRecord(rows[0]) : undefined;
  }

  /** Any feed by id, deleted ones included (the poller must see that a feed is gone). */
  async find(id: string): Promise<FeedRecord | undefined> {
    if (!UUID.test(id)) return undefined;
    const rows = await this.dataSource.query<FeedRow[]>(`SELECT * FROM feeds WHERE id = $1`, [id]);
    return rows[0] ? toRecord(rows[0]) : undefined;
  }

  /** Changes the settings of the source's live feed; undefined when it has no such feed. */
  async updateSettings(
    sourceId: string,
    id: string,
    settings: { intervalSeconds?: number; fullText?: boolean },
  ): Promise<FeedRecord | undefined> {
    if (!UUID.test(id)) return undefined;
    const rows = await this.dataSource.query<FeedRow[]>(
      `WITH changed AS (
         UPDATE feeds
         SET interval_seconds = coalesce($3, interval_seconds), full_text = coalesce($4, full_text)
         WHERE id = $1 AND source_id = $2 AND deleted_at IS NULL
         RETURNING *)
       SELECT * FROM changed`,
      [id, sourceId, settings.intervalSeconds ?? null, settings.fullText ?? null],
    );
    return rows[0] ? toRecord(rows[0]) : undefined;
  }

  /** Marks the source's feed deleted; false when it has no such live feed. */
  async markDeleted(sourceId: string, id: string): Promise<boolean> {
    if (!UUID.test(id)) return false;
    // Through a CTE: for a bare UPDATE … RETURNING, TypeORM's query() answers [rows, count] instead of rows.
    const rows = await this.dataSource.query<unknown[]>(
      `WITH deleted AS (
         UPDATE feeds SET deleted_at = now() WHERE id = $1 AND source_id = $2 AND deleted_at IS NULL
         RETURNING id)
       SELECT id FROM deleted`,
      [id, sourceId],
    );
    return rows.length > 0;
  }

  /**
   * Records a poll's outcome. Only a live feed is updated: a feed deleted while its poll ran stays
   * deleted, and the poll's result is dropped.
   */
  async recordPoll(id: string, change: FeedStateChange): Promise<void> {
    await this.dataSource.query(
      `UPDATE feeds SET
         status = $2, consecutive_failures = $3, last_status = $4, last_error = $5,
         last_polled_at = $6, last_success_at = COALESCE($7, last_success_at), next_poll_at = $8,
         etag = $9, last_modified = $10, items_seen = items_seen + $11
       WHERE id = $1 AND deleted_at IS NULL`,
      [
        id,
        change.status,
        change.consecutiveFailures,
        change.lastStatus,
        change.lastError,
        change.lastPolledAt,
        change.lastSuccessAt ?? null,
        change.nextPollAt,
        change.etag,
        change.lastModified,
        change.itemsPublished,
      ],
    );
  }

  /** Notes a poll that could not finish on our side (Kafka or PostgreSQL down), without counting it against the feed. */
  async recordInternalError(id: string, error: string, at: Date): Promise<void> {
    await this.dataSource.query(
      `UPDATE feeds SET last_error = $2, last_polled_at = $3 WHERE id = $1 AND deleted_at IS NULL`,
      [id, error, at],
    );
  }

  /**
   * Active feeds that have not been polled for three intervals although they are not backing off:
   * their schedule was lost (Redis runs without persistence in local stacks) and needs recreating.
   */
  async findOverdue(now: Date, limit: number): Promise<FeedRecord[]> {
    const rows = await this.dataSource.query<FeedRow[]>(
      `SELECT * FROM feeds
       WHERE deleted_at IS NULL AND status = 'active'
         AND COALESCE(last_polled_at, created_at) < $1::timestamptz - make_interval(secs => 3 * interval_seconds + 60)
         AND (next_poll_at IS NULL OR next_poll_at < $1::timestamptz)
       ORDER BY id LIMIT $2`,
      [now, limit],
    );
    return rows.map(toRecord);
  }
}
