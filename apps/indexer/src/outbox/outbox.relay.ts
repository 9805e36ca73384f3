import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { EventPublisher, toJsonRecord, type OutgoingRecord } from '@newsflow/kafka';
import { INDEXER_CONFIG, type IndexerConfig } from '../indexer.config';

// Any constant, the same in every indexer: only one relay publishes at a time, so the outbox leaves
// in id order (and thus each article's versions in order) even with several indexer instances.
const RELAY_LOCK_KEY = 727_270_002;
const BATCH = 500;
/** Rows deleted per statement when pruning, so a large backlog never holds one long transaction. */
const PRUNE_BATCH = 10_000;
/** How often the relay prunes published rows past OUTBOX_RETENTION_HOURS. */
const PRUNE_EVERY_MS = 3_600_000;

interface OutboxRecord {
  id: string;
  topic: string;
  message_key: string;
  payload: unknown;
  headers: Record<string, string>;
}

/**
 * Publishes outbox rows to Kafka in id order and marks them published in the same transaction that
 * holds the relay lock. If the process dies after Kafka acknowledged but before the mark committed,
 * the rows are published again: consumers deduplicate by eventId (at-least-once).
 */
@Injectable()
export class OutboxRelay implements OnApplicationBootstrap {
  private readonly logger = new Logger(OutboxRelay.name);
  private timer: NodeJS.Timeout | undefined;
  private pruneTimer: NodeJS.Timeout | undefined;
  private draining: Promise<void> | undefined;
  private again = false;
  private stopped = false;

  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(EventPublisher) private readonly publisher: EventPublisher,
    @Inject(INDEXER_CONFIG) private readonly config: IndexerConfig,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => this.kick(), this.config.OUTBOX_POLL_MS);
    this.kick();
    const prune = () =>
      void this.prune(new Date(Date.now() - this.config.OUTBOX_RETENTION_HOURS * 3_600_000)).catch(
        (error: unknown) => this.logger.warn(`outbox pruning: ${(error as Error).message}; will retry`),
      );
    this.pruneTimer = setInterval(prune, PRUNE_EVERY_MS);
    prune();
  }

  /**
   * Deletes rows published before `cutoff`: Kafka has them, and the live stream's replay reaches back
   * only this far (a client resuming from further back is told of the gap). Unpublished rows are
   * never deleted. Returns how many rows went.
   */
  async prune(cutoff: Date): Promise<number> {
    let deleted = 0;
    for (;;) {
      const rows = await this.dataSource.query<Array<{ n: string }>>(
        `WITH gone AS (
           DELETE FROM outbox WHERE id IN (
             SELECT id FROM outbox WHERE published_at < $1 ORDER BY published_at LIMIT $2)
           RETURNING 1)
         SELECT count(*) AS n FROM gone`,
        [cutoff, PRUNE_BATCH],
      );
      const n = Number(rows[0]?.n ?? 0);
      deleted += n;
      if (n < PRUNE_BATCH || this.stopped) break;
    }
    if (deleted > 0)
      this.logger.log(`pruned ${deleted} published outbox row(s) older than ${cutoff.toISOString()}`);
    return deleted;
  }

  /** Asks for a drain now (after a commit); coalesces with one already running. */
  kick(): void {
    if (this.stopped) return;
    if (this.draining) {
      this.again = true;
      return;
    }
    this.draining = this.drain()
      .catch((error: unknown) => this.logger.warn(`outbox relay: ${(error as Error).message}; will retry`))
      .finally(() => {
        this.draining = undefined;
      });
  }

  /** Stops polling and waits for the drain in progress, so nothing is left half-published. */
  async stop(): Promise<void> {
    this.stopped = true;
    clearInterval(this.timer);
    clearInterval(this.pruneTimer);
    await this.draining;
  }

  private async drain(): Promise<void> {
    do {
      this.again = false;
      while (!this.stopped && (await this.publishBatch()) === BATCH) {
        // a full batch: there may be more
      }
    } while (this.again && !this.stopped);
  }

  private publishBatch(): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      const [lock] = await manager.query<Array<{ locked: boolean }>>(
        'SELECT pg_try_advisory_xact_lock($1) AS locked',
        [RELAY_LOCK_KEY],
      );
      const locked = lock?.locked === true;
      if (!locked) return 0;
      const rows = await manager.query<OutboxRecord[]>(
        `SELECT id, topic, message_key, payload, headers FROM outbox WHERE published_at IS NULL ORDER BY id LIMIT $1`,
        [BATCH],
      );
      if (rows.length === 0) return 0;
      const byTopic = new Map<string, OutgoingRecord[]>();
      for (const row of rows) {
        const records = byTopic.get(row.topic) ?? [];
        records.push(toJsonRecord(row.message_key, row.payload, row.headers));
        byTopic.set(row.topic, records);
      }
      await this.publisher.publish([...byTopic].map(([topic, records]) => ({ topic, records })));
      // Numbered in id order after the last number given: this relay holds the lock, so no other
      // transaction numbers rows until this one commits, and the update log stays gap-free and ordered.
      await manager.query(
        `WITH numbered AS (
           SELECT id, (SELECT coalesce(max(published_seq), 0) FROM outbox) + row_number() OVER (ORDER BY id) AS seq
           FROM outbox WHERE id = ANY($1::bigint[]))
         UPDATE outbox o SET published_at = now(), published_seq = numbered.seq
         FROM numbered WHERE o.id = numbered.id`,
        [rows.map((r) => r.id)],
      );
      return rows.length;
    });
  }
}
