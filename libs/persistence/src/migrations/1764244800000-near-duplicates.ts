import { type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * Near-duplicate clusters (one wire story republished by many outlets): each article's SimHash and
 * its MinHash band keys, looked up by equality to find candidates, and a cluster id on every article.
 */
export class NearDuplicates1764244800000 implements MigrationInterface {
  name = 'NearDuplicates1764244800000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE article_fingerprints (
        article_id text PRIMARY KEY,
        simhash text NOT NULL,
        cluster_id text NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`
      CREATE TABLE fingerprint_bands (
        band_key text NOT NULL,
        article_id text NOT NULL REFERENCES article_fingerprints (article_id) ON DELETE CASCADE,
        PRIMARY KEY (band_key, article_id)
      )`);
    await queryRunner.query(`CREATE INDEX fingerprint_bands_article_idx ON fingerprint_bands (article_id)`);
    await queryRunner.query(`ALTER TABLE articles ADD COLUMN cluster_id text`);
    await queryRunner.query(`CREATE INDEX articles_cluster_idx ON articles (cluster_id)`);
    await queryRunner.query(`ALTER TABLE article_versions ADD COLUMN cluster_id text`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE article_versions DROP COLUMN cluster_id`);
    await queryRunner.query(`ALTER TABLE articles DROP COLUMN cluster_id`);
    await queryRunner.query(`DROP TABLE fingerprint_bands`);
    await queryRunner.query(`DROP TABLE article_fingerprints`);
  }
}
