import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { type DeliveryLogEntry } from '../subscriptions/subscriptions.schemas';

export interface PendingDelivery {
  subscriptionId: string;
  eventId: string;
  articleId: string;
  version: number;
  payload: unknown;
}

export interface DeliveryRow {
  subscription_id: string;
  event_id: string;
  article_id: string;
  version: number;
  payload: unknown;
  status: 'pending' | 'delivered' | 'dead';
  attempts: number;
}

export interface DeliveryAttempt {
  subscriptionId: string;
  eventId: string;
  statusCode: number | null;
  latencyMs: number;
  responseExcerpt: string | null;
  error: string | null;
}

/** All access to webhook_deliveries and webhook_delivery_attempts. */
@Injectable()
export class WebhookDeliveriesRepository {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  /**
   * Records what is owed (idempotent: the pair is the key) and returns the pairs still pending —
   * new ones and ones a crashed dispatcher recorded without enqueuing — in the order given.
   */
  async recordPending(
    deliveries: PendingDelivery[],
  ): Promise<Array<{ subscriptionId: string; eventId: string }>> {
    if (deliveries.length === 0) return [];
    const rows = await this.dataSource.query<Array<{ subscription_id: string; event_id: string }>>(
      `WITH given AS (
         SELECT (e.row->>'subscription_id')::uuid AS subscription_id, (e.row->>'event_id')::uuid AS event_id,
           e.row->>'article_id' AS article_id, (e.row->>'version')::int AS version, e.row->'payload' AS payload,
           e.position
         FROM jsonb_array_elements($1::jsonb) WITH ORDINALITY AS e (row, position)),
       inserted AS (
         INSERT INTO webhook_deliveries (subscription_id, event_id, article_id, version, payload)
         SELECT subscription_id, event_id, article_id, version, payload FROM given
         ON CONFLICT DO NOTHING RETURNING subscription_id, event_id)
       SELECT g.subscription_id, g.event_id FROM given g
       LEFT JOIN inserted i USING (subscription_id, event_id)
       LEFT JOIN webhook_deliveries d USING (subscription_id, event_id)
       WHERE i.event_id IS NOT NULL OR d.status = 'pending'
       ORDER BY g.position`,
      [
        JSON.stringify(
          deliveries.map((d) => ({
            subscription_id: d.subscriptionId,
            event_id: d.eventId,
            article_id: d.articleId,
            version: d.version,
            payload: d.payload,
          })),
        ),
      ],
    );
    return rows.map((r) => ({ subscriptionId: r.subscription_id, eventId: r.event_id }));
  }

  async find(subscriptionId: string, eventId: string): Promise<DeliveryRow | undefined> {
    const rows = await this.dataSource.query<DeliveryRow[]>(
      `SELECT subscription_id, event_id, article_id, version, payload, status, attempts
       FROM webhook_deliveries WHERE subscription_id = $1 AND event_id = $2`,
      [subscriptionId, eventId],
    );
    return rows[0];
  }

  /** True while an earlier version of the article is owed to the subscription and not yet delivered. */
  async hasUndeliveredPredecessor(
    subscriptionId: string,
    articleId: string,
    version: number,
  ): Promise<boolean> {
    const rows = await this.dataSource.query<unknown[]>(
      `SELECT 1 FROM webhook_deliveries
       WHERE subscription_id = $1 AND article_id = $2 AND version < $3 AND status <> 'delivered' LIMIT 1`,
      [subscriptionId, articleId, version],
    );
    return rows.length > 0;
  }

  /** The next pending version of the article for the subscription, to wake it once this one is delivered. */
  async nextPending(subscriptionId: string, articleId: string, version: number): Promise<string | undefined> {
    const rows = await this.dataSource.query<Array<{ event_id: string }>>(
      `SELECT event_id FROM webhook_deliveries
       WHERE subscription_id = $1 AND article_id = $2 AND version > $3 AND status = 'pending'
       ORDER BY version LIMIT 1`,
      [subscriptionId, articleId, version],
    );
    return rows[0]?.event_id;
  }

  /** Logs one HTTP attempt and returns its number (1 for the first) for this delivery. */
  async recordAttempt(attempt: DeliveryAttempt): Promise<number> {
    const rows = await this.dataSource.query<Array<{ attempts: number }>>(
      `WITH counted AS (
         UPDATE webhook_deliveries SET attempts = attempts + 1, last_error = $3, updated_at = now()
         WHERE subscription_id = $1 AND event_id = $2 RETURNING attempts),
       logged AS (
         INSERT INTO webhook_delivery_attempts
           (subscription_id, event_id, attempt, status_code, latency_ms, response_excerpt, error)
         SELECT $1, $2, attempts, $4, $5, $6, $3 FROM counted RETURNING attempt)
       SELECT attempt AS attempts FROM logged`,
      [
        attempt.subscriptionId,
        attempt.eventId,
        attempt.error,
        attempt.statusCode,
        attempt.latencyMs,
        attempt.responseExcerpt,
      ],
    );
    return rows[0]?.attempts ?? 0;
  }

  async markDelivered(subscriptionId: string, eventId: string): Promise<void> {
    await this.dataSource.query(
      `UPDATE webhook_deliveries SET status = 'delivered', delivered_at = now(), updated_at = now(), last_error = NULL
       WHERE subscription_id = $1 AND event_id = $2`,
      [subscriptionId, eventId],
    );
  }

  /** Dead-letters one delivery, or with no event id every pending delivery of the subscription. */
  async markDead(subscriptionId: string, eventId: string | undefined, reason: string): Promise<number> {
    const rows = await this.dataSource.query<unknown[]>(
      `WITH dead AS (
         UPDATE webhook_deliveries SET status = 'dead', last_error = $3, updated_at = now()
         WHERE subscription_id = $1 AND ($2::uuid IS NULL OR event_id = $2) AND status = 'pending'
         RETURNING event_id)
       SELECT event_id FROM dead`,
      [subscriptionId, eventId ?? null, reason.slice(0, 1000)],
    );
    return rows.length;
  }

  /** Dead deliveries back to pending, in (article, version) order for re-enqueuing. */
  async revive(subscriptionId: string): Promise<string[]> {
    const rows = await this.dataSource.query<Array<{ event_id: string }>>(
      `WITH revived AS (
         UPDATE webhook_deliveries SET status = 'pending', updated_at = now()
         WHERE subscription_id = $1 AND status = 'dead'
         RETURNING event_id, article_id, version)
       SELECT event_id FROM revived ORDER BY article_id, version`,
      [subscriptionId],
    );
    return rows.map((r) => r.event_id);
  }

  /** Pending deliveries (e.g. to re-enqueue after the queue lost them). */
  async pendingOf(subscriptionId: string): Promise<string[]> {
    const rows = await this.dataSource.query<Array<{ event_id: string }>>(
      `SELECT event_id FROM webhook_deliveries WHERE subscription_id = $1 AND status = 'pending'
       ORDER BY article_id, version`,
      [subscriptionId],
    );
    return rows.map((r) => r.event_id);
  }

  async counts(subscriptionId: string): Promise<Record<'pending' | 'delivered' | 'dead', number>> {
    const rows = await this.dataSource.query<Array<{ status: 'pending' | 'delivered' | 'dead'; n: number }>>(
      `SELECT status, count(*)::int AS n FROM webhook_deliveries WHERE subscription_id = $1 GROUP BY status`,
      [subscriptionId],
    );
    const counts = { pending: 0, delivered: 0, dead: 0 };
    for (const row of rows) counts[row.status] = row.n;
    return counts;
  }

  /** The attempt log, newest first, before the attempt id `beforeId` (keyset pagination). */
  async log(
    subscriptionId: string,
    beforeId: string | undefined,
    limit: number,
  ): Promise<DeliveryLogEntry[]> {
    const rows = await this.dataSource.query<
      Array<{
        id: string;
        event_id: string;
        article_id: string | null;
        version: number | null;
        attempt: number;
        status_code: number | null;
        latency_ms: number;
        response_excerpt: string | null;
        error: string | null;
        delivery_status: DeliveryLogEntry['deliveryStatus'];
        attempted_at: Date;
      }>
    >(
      `SELECT a.id::text, a.event_id, d.article_id, d.version, a.attempt, a.status_code, a.latency_ms,
         a.response_excerpt, a.error, d.status AS delivery_status, a.attempted_at
       FROM webhook_delivery_attempts a
       LEFT JOIN webhook_deliveries d USING (subscription_id, event_id)
       WHERE a.subscription_id = $1 AND ($2::bigint IS NULL OR a.id < $2)
       ORDER BY a.id DESC LIMIT $3`,
      [subscriptionId, beforeId ?? null, limit],
    );
    return rows.map((r) => ({
      id: r.id,
      eventId: r.event_id,
      articleId: r.article_id,
      version: r.version,
      attempt: r.attempt,
      statusCode: r.status_code,
      latencyMs: r.latency_ms,
      responseExcerpt: r.response_excerpt,
      error: r.error,
      deliveryStatus: r.delivery_status,
      attemptedAt: r.attempted_at.toISOString(),
    }));
  }
}
