import { type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * A source may require its pushes to be signed (Standard Webhooks: HMAC-SHA256 over id, timestamp
 * and body). HMAC needs the secret itself, so it is stored as issued, unlike API keys.
 */
export class SourceSigning1764237600000 implements MigrationInterface {
  name = 'SourceSigning1764237600000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE sources ADD COLUMN signing_secret text`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE sources DROP COLUMN signing_secret`);
  }
}
