import { type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * Webhook subscriptions and their deliveries. A subscription keeps its previous secret until the
 * end of a rotation's grace period (both sign meanwhile). One delivery row per (subscription, event)
 * is the source of truth for what was delivered — BullMQ jobs come and go — and is what the ordering
 * rule reads: a version waits while an earlier version of the same article is not yet delivered.
 * Every attempt is logged with its status, latency and a response excerpt.
 */
export class Subscriptions1764300000000 implements MigrationInterface {
  name = 'Subscriptions1764300000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE subscriptions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        source_id text NOT NULL REFERENCES sources (id),
        url text NOT NULL,
        filter jsonb NOT NULL DEFAULT '{}',
        secret text NOT NULL,
        previous_secret text,
        previous_secret_expires_at timestamptz,
        status text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'disabled')),
        disabled_reason text,
        disabled_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        deleted_at timestamptz
      )`);
    await queryRunner.query(`CREATE INDEX subscriptions_source_idx ON subscriptions (source_id, created_at)`);
    // Indexers refresh their in-memory matching index from rows changed since their last look.
    await queryRunner.query(`CREATE INDEX subscriptions_updated_idx ON subscriptions (updated_at)`);
    await queryRunner.query(`
      CREATE TABLE webhook_deliveries (
        subscription_id uuid NOT NULL REFERENCES subscriptions (id) ON DELETE CASCADE,
        event_id uuid NOT NULL,
        article_id text NOT NULL,
        version integer NOT NULL,
        payload jsonb NOT NULL,
        status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'delivered', 'dead')),
        attempts integer NOT NULL DEFAULT 0,
        last_error text,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        delivered_at timestamptz,
        PRIMARY KEY (subscription_id, event_id)
      )`);
    await queryRunner.query(
      `CREATE INDEX webhook_deliveries_order_idx ON webhook_deliveries (subscription_id, article_id, version)`,
    );
    await queryRunner.query(
      `CREATE INDEX webhook_deliveries_dead_idx ON webhook_deliveries (subscription_id) WHERE status = 'dead'`,
    );
    await queryRunner.query(`
      CREATE TABLE webhook_delivery_attempts (
        id bigserial PRIMARY KEY,
        subscription_id uuid NOT NULL REFERENCES subscriptions (id) ON DELETE CASCADE,
        event_id uuid NOT NULL,
        attempt integer NOT NULL,
        status_code integer,
        latency_ms integer NOT NULL,
        response_excerpt text,
        error text,
        attempted_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(
      `CREATE INDEX webhook_delivery_attempts_subscription_idx ON webhook_delivery_attempts (subscription_id, id)`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE webhook_delivery_attempts`);
    await queryRunner.query(`DROP TABLE webhook_deliveries`);
    await queryRunner.query(`DROP TABLE subscriptions`);
  }
}
