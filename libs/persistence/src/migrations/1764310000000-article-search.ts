import { type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * The read API: full-text search, keyset pages and entity look-ups.
 *
 * - `search_english` replaces the initial 'simple' vector: English stemming (what
 *   `websearch_to_tsquery('english', q)` expects), the headline weighted A and the body B. `text` starts
 *   with the headline (the enricher writes "headline, blank line, body"), so the body is the rest of it;
 *   without that prefix the whole text is the body.
 * - Pages are ordered by (version_created DESC, article_id DESC): an index in that order lets a page
 *   stop after `limit` rows instead of sorting every match.
 * - Entity search is by prefix, case-insensitive, on names and on every surface form an entity was
 *   tagged as (its aliases, from mentions). A statement trigger keeps `entity_aliases` in step with
 *   `mentions` in the same transaction, so the indexer's writes are unchanged.
 */
export class ArticleSearch1764310000000 implements MigrationInterface {
  name = 'ArticleSearch1764310000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX IF EXISTS article_versions_search_idx`);
    await queryRunner.query(`ALTER TABLE article_versions DROP COLUMN IF EXISTS search_vector`);
    await queryRunner.query(`
      ALTER TABLE article_versions ADD COLUMN search_english tsvector GENERATED ALWAYS AS (
        setweight(to_tsvector('english'::regconfig, headline), 'A') ||
        setweight(to_tsvector('english'::regconfig,
          CASE WHEN left(text, length(headline)) = headline THEN substr(text, length(headline) + 1) ELSE text END
        ), 'B')
      ) STORED`);
    await queryRunner.query(
      `CREATE INDEX article_versions_search_english_idx ON article_versions USING gin (search_english)`,
    );
    await queryRunner.query(
      `CREATE INDEX article_versions_recent_idx ON article_versions (version_created DESC, article_id DESC)`,
    );
    await queryRunner.query(`CREATE INDEX articles_source_idx ON articles (source_id)`);

    await queryRunner.query(
      `CREATE INDEX entities_name_prefix_idx ON entities (lower(name) text_pattern_ops)`,
    );
    await queryRunner.query(`
      CREATE TABLE entity_aliases (
        entity_id text NOT NULL REFERENCES entities (id),
        alias text NOT NULL,
        PRIMARY KEY (entity_id, alias)
      )`);
    await queryRunner.query(
      `CREATE INDEX entity_aliases_prefix_idx ON entity_aliases (lower(alias) text_pattern_ops)`,
    );
    await queryRunner.query(`
      INSERT INTO entity_aliases (entity_id, alias)
      SELECT DISTINCT entity_id, text FROM mentions ORDER BY 1, 2
      ON CONFLICT DO NOTHING`);
    // Ordered, so that two indexers adding the same aliases take their locks in one order (no deadlock).
    await queryRunner.query(`
      CREATE FUNCTION entity_aliases_from_mentions() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        INSERT INTO entity_aliases (entity_id, alias)
        SELECT DISTINCT entity_id, text FROM new_mentions ORDER BY 1, 2
        ON CONFLICT DO NOTHING;
        RETURN NULL;
      END
      $$`);
    await queryRunner.query(`
      CREATE TRIGGER mentions_entity_aliases AFTER INSERT ON mentions
      REFERENCING NEW TABLE AS new_mentions
      FOR EACH STATEMENT EXECUTE FUNCTION entity_aliases_from_mentions()`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER IF EXISTS mentions_entity_aliases ON mentions`);
    await queryRunner.query(`DROP FUNCTION IF EXISTS entity_aliases_from_mentions()`);
    await queryRunner.query(`DROP TABLE IF EXISTS entity_aliases`);
    await queryRunner.query(`DROP INDEX IF EXISTS entities_name_prefix_idx`);
    await queryRunner.query(`DROP INDEX IF EXISTS articles_source_idx`);
    await queryRunner.query(`DROP INDEX IF EXISTS article_versions_recent_idx`);
    await queryRunner.query(`DROP INDEX IF EXISTS article_versions_search_english_idx`);
    await queryRunner.query(`ALTER TABLE article_versions DROP COLUMN IF EXISTS search_english`);
    await queryRunner.query(`
      ALTER TABLE article_versions ADD COLUMN search_vector tsvector GENERATED ALWAYS AS (
        setweight(to_tsvector('simple', headline), 'A') || setweight(to_tsvector('simple', text), 'B')
      ) STORED`);
    await queryRunner.query(
      `CREATE INDEX article_versions_search_idx ON article_versions USING gin (search_vector)`,
    );
  }
}
