import { type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * The update log behind the live stream: each outbox row gets a sequence number when the relay
 * publishes it. Only one relay publishes at a time (an advisory lock), and it numbers rows in id order
 * inside the transaction that marks them, so numbers become visible gap-free and in order: a reader
 * that tails `published_seq > n` never misses a row that commits late, as it could by tailing `id`.
 */
export class UpdateLog1764320000000 implements MigrationInterface {
  name = 'UpdateLog1764320000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE outbox ADD COLUMN published_seq bigint`);
    await queryRunner.query(`
      WITH ordered AS (
        SELECT id, row_number() OVER (ORDER BY id) AS seq FROM outbox WHERE published_at IS NOT NULL)
      UPDATE outbox o SET published_seq = ordered.seq FROM ordered WHERE o.id = ordered.id`);
    await queryRunner.query(`CREATE UNIQUE INDEX outbox_published_seq_idx ON outbox (published_seq)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX outbox_published_seq_idx`);
    await queryRunner.query(`ALTER TABLE outbox DROP COLUMN published_seq`);
  }
}
