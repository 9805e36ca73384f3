import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { type SubscriptionFilter } from './subscription-filter';

export interface SubscriptionRow {
  id: string;
  source_id: string;
  url: string;
  filter: SubscriptionFilter;
  secret: string;
  previous_secret: string | null;
  previous_secret_expires_at: Date | null;
  status: 'active' | 'disabled';
  disabled_reason: string | null;
  disabled_at: Date | null;
  created_at: Date;
  updated_at: Date;
  deleted_at: Date | null;
}

export interface SubscriptionChange {
  id: string;
  filter: SubscriptionFilter;
  /** False when deleted or disabled: the index must forget it. */
  live: boolean;
  updatedAt: Date;
}

const COLUMNS = `id, source_id, url, filter, secret, previous_secret, previous_secret_expires_at, status,
  disabled_reason, disabled_at, created_at, updated_at, deleted_at`;

/** All access to the subscriptions table. Deleted rows stay (deleted_at) so that other instances see the deletion. */
@Injectable()
export class SubscriptionsRepository {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  async create(
    sourceId: string,
    url: string,
    filter: SubscriptionFilter,
    secret: string,
  ): Promise<SubscriptionRow> {
    const rows = await this.dataSource.query<SubscriptionRow[]>(
      `INSERT INTO subscriptions (source_id, url, filter, secret) VALUES ($1, $2, $3, $4) RETURNING ${COLUMNS}`,
      [sourceId, url, JSON.stringify(filter), secret],
    );
    return rows[0];
  }

  async find(id: string, sourceId?: string): Promise<SubscriptionRow | undefined> {
    const rows = await this.dataSource.query<SubscriptionRow[]>(
      `SELECT ${COLUMNS} FROM subscriptions
       WHERE id = $1 AND deleted_at IS NULL AND ($2::text IS NULL OR source_id = $2)`,
      [id, sourceId ?? null],
    );
    return rows[0];
  }

  /** A page of the source's subscriptions in id order, after `afterId` (keyset pagination). */
  async list(sourceId: string, afterId: string | undefined, limit: number): Promise<SubscriptionRow[]> {
    return this.dataSource.query<SubscriptionRow[]>(
      `SELECT ${COLUMNS} FROM subscriptions
       WHERE source_id = $1 AND deleted_at IS NULL AND ($2::uuid IS NULL OR id > $2)
       ORDER BY id LIMIT $3`,
      [sourceId, afterId ?? null, limit],
    );
  }

  async update(
    id: string,
    sourceId: string,
    changes: { url?: string; filter?: SubscriptionFilter; status?: 'active' | 'disabled' },
  ): Promise<SubscriptionRow | undefined> {
    // Wrapped in a SELECT: for a bare UPDATE … RETURNING, TypeORM answers [rows, count], not rows.
    const rows = await this.dataSource.query<SubscriptionRow[]>(
      `WITH updated AS (
         UPDATE subscriptions SET
           url = COALESCE($3, url),
           filter = COALESCE($4::jsonb, filter),
           status = COALESCE($5, status),
           disabled_reason = CASE WHEN $5 = 'active' THEN NULL WHEN $5 = 'disabled' THEN 'disabled by its owner' ELSE disabled_reason END,
           disabled_at = CASE WHEN $5 = 'active' THEN NULL WHEN $5 = 'disabled' THEN now() ELSE disabled_at END,
           updated_at = clock_timestamp()
         WHERE id = $1 AND source_id = $2 AND deleted_at IS NULL
         RETURNING ${COLUMNS})
       SELECT * FROM updated`,
      [
        id,
        sourceId,
        changes.url ?? null,
        changes.filter ? JSON.stringify(changes.filter) : null,
        changes.status ?? null,
      ],
    );
    return rows[0];
  }

  async softDelete(id: string, sourceId: string): Promise<boolean> {
    const rows = await this.dataSource.query<unknown[]>(
      `WITH deleted AS (
         UPDATE subscriptions SET deleted_at = now(), updated_at = clock_timestamp()
         WHERE id = $1 AND source_id = $2 AND deleted_at IS NULL RETURNING id)
       SELECT id FROM deleted`,
      [id, sourceId],
    );
    return rows.length > 0;
  }

  /** The current secret becomes the previous one (valid until `graceSeconds` from now). */
  async rotateSecret(
    id: string,
    sourceId: string,
    secret: string,
    graceSeconds: number,
  ): Promise<SubscriptionRow | undefined> {
    const rows = await this.dataSource.query<SubscriptionRow[]>(
      `WITH rotated AS (
         UPDATE subscriptions SET previous_secret = secret, secret = $3,
           previous_secret_expires_at = now() + make_interval(secs => $4), updated_at = clock_timestamp()
         WHERE id = $1 AND source_id = $2 AND deleted_at IS NULL
         RETURNING ${COLUMNS})
       SELECT * FROM rotated`,
      [id, sourceId, secret, graceSeconds],
    );
    return rows[0];
  }

  /** Disables a subscription with the reason; false if it was not active (or is gone). */
  async disable(id: string, reason: string): Promise<boolean> {
    const rows = await this.dataSource.query<unknown[]>(
      `WITH disabled AS (
         UPDATE subscriptions SET status = 'disabled', disabled_reason = $2, disabled_at = now(),
           updated_at = clock_timestamp()
         WHERE id = $1 AND status = 'active' AND deleted_at IS NULL RETURNING id)
       SELECT id FROM disabled`,
      [id, reason.slice(0, 1000)],
    );
    return rows.length > 0;
  }

  async enable(id: string): Promise<void> {
    await this.dataSource.query(
      `UPDATE subscriptions SET status = 'active', disabled_reason = NULL, disabled_at = NULL,
         updated_at = clock_timestamp()
       WHERE id = $1 AND deleted_at IS NULL`,
      [id],
    );
  }

  /**
   * Rows changed since `since` (all rows when undefined; then only live ones). The caller asks again
   * from a little before the newest updated_at it saw, since transactions commit out of order.
   */
  async changesSince(since: Date | undefined): Promise<SubscriptionChange[]> {
    const rows = await this.dataSource.query<
      Array<{ id: string; filter: SubscriptionFilter; live: boolean; updated_at: Date }>
    >(
      `SELECT id, filter, (status = 'active' AND deleted_at IS NULL) AS live, updated_at FROM subscriptions
       WHERE ($1::timestamptz IS NULL AND status = 'active' AND deleted_at IS NULL) OR updated_at > $1
       ORDER BY updated_at`,
      [since ?? null],
    );
    return rows.map((r) => ({ id: r.id, filter: r.filter, live: r.live, updatedAt: r.updated_at }));
  }
}
