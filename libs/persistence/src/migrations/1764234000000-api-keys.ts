import { type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * A source may hold several API keys (rotation, one per newsroom system), each revocable on its own.
 * Registering a key therefore never replaces another one.
 */
export class ApiKeys1764234000000 implements MigrationInterface {
  name = 'ApiKeys1764234000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE api_keys (
        key_hash text PRIMARY KEY,
        source_id text NOT NULL REFERENCES sources (id),
        created_at timestamptz NOT NULL DEFAULT now(),
        revoked_at timestamptz
      )`);
    await queryRunner.query(`CREATE INDEX api_keys_source_idx ON api_keys (source_id)`);
    await queryRunner.query(`
      INSERT INTO api_keys (key_hash, source_id, created_at, revoked_at)
      SELECT api_key_hash, id, created_at, revoked_at FROM sources`);
    await queryRunner.query(`ALTER TABLE sources DROP COLUMN api_key_hash`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE sources ADD COLUMN api_key_hash text UNIQUE`);
    await queryRunner.query(`
      UPDATE sources s SET api_key_hash = (
        SELECT key_hash FROM api_keys k WHERE k.source_id = s.id ORDER BY created_at DESC LIMIT 1)`);
    await queryRunner.query(`DROP TABLE api_keys`);
  }
}
