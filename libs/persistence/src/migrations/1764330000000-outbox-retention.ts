import { type MigrationInterface, type QueryRunner } from 'typeorm';

/** Published outbox rows are deleted after a retention period: found by when they were published. */
export class OutboxRetention1764330000000 implements MigrationInterface {
  name = 'OutboxRetention1764330000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE INDEX outbox_published_at_idx ON outbox (published_at) WHERE published_at IS NOT NULL`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX outbox_published_at_idx`);
  }
}
