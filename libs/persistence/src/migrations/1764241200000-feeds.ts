import { type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * Feeds a source asked the ingester to poll, with their polling state. A deleted feed keeps its row
 * (deleted_at) so its history stays readable; only live feeds must have a unique URL per source,
 * which also makes registering the same URL twice answer the existing feed.
 */
export class Feeds1764241200000 implements MigrationInterface {
  name = 'Feeds1764241200000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE feeds (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        source_id text NOT NULL REFERENCES sources (id),
        url text NOT NULL,
        interval_seconds integer NOT NULL CHECK (interval_seconds > 0),
        status text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'disabled')),
        etag text,
        last_modified text,
        consecutive_failures integer NOT NULL DEFAULT 0 CHECK (consecutive_failures >= 0),
        last_error text,
        last_status integer,
        last_polled_at timestamptz,
        last_success_at timestamptz,
        next_poll_at timestamptz,
        items_seen integer NOT NULL DEFAULT 0,
        created_at timestamptz NOT NULL DEFAULT now(),
        deleted_at timestamptz
      )`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX feeds_source_url_live_key ON feeds (source_id, url) WHERE deleted_at IS NULL`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE feeds`);
  }
}
