import { type MigrationInterface, type QueryRunner } from 'typeorm';

export class InitialSchema1764230400000 implements MigrationInterface {
  name = 'InitialSchema1764230400000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE sources (
        id text PRIMARY KEY,
        name text NOT NULL,
        api_key_hash text NOT NULL UNIQUE,
        created_at timestamptz NOT NULL DEFAULT now(),
        revoked_at timestamptz
      )`);
    await queryRunner.query(`
      CREATE TABLE ingest_ledger (
        article_id text PRIMARY KEY,
        source_id text NOT NULL REFERENCES sources (id),
        uri text NOT NULL,
        version integer NOT NULL CHECK (version >= 0),
        content_hash text NOT NULL,
        pub_status text NOT NULL,
        version_created timestamptz NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`
      CREATE TABLE articles (
        id text PRIMARY KEY,
        source_id text NOT NULL,
        uri text NOT NULL,
        latest_version integer NOT NULL,
        pub_status text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`
      CREATE TABLE article_versions (
        article_id text NOT NULL REFERENCES articles (id),
        version integer NOT NULL CHECK (version >= 1),
        event_id uuid NOT NULL UNIQUE,
        status text NOT NULL,
        pub_status text NOT NULL,
        headline text NOT NULL,
        byline text,
        body_html text,
        text text NOT NULL,
        language text NOT NULL,
        content_hash text NOT NULL,
        topics text[] NOT NULL DEFAULT '{}',
        keywords text[] NOT NULL DEFAULT '{}',
        version_created timestamptz NOT NULL,
        first_created timestamptz,
        ingested_at timestamptz NOT NULL,
        indexed_at timestamptz NOT NULL DEFAULT now(),
        -- 'simple' keeps every language searchable; stemming per language can come later.
        search_vector tsvector GENERATED ALWAYS AS (
          setweight(to_tsvector('simple', headline), 'A') || setweight(to_tsvector('simple', text), 'B')
        ) STORED,
        PRIMARY KEY (article_id, version)
      )`);
    await queryRunner.query(
      `CREATE INDEX article_versions_search_idx ON article_versions USING gin (search_vector)`,
    );
    await queryRunner.query(`
      CREATE TABLE entities (
        id text PRIMARY KEY,
        name text NOT NULL,
        type text NOT NULL,
        first_seen_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`
      CREATE TABLE mentions (
        article_id text NOT NULL,
        version integer NOT NULL,
        start_offset integer NOT NULL,
        end_offset integer NOT NULL,
        entity_id text NOT NULL REFERENCES entities (id),
        text text NOT NULL,
        confidence real,
        PRIMARY KEY (article_id, version, start_offset, end_offset),
        FOREIGN KEY (article_id, version) REFERENCES article_versions (article_id, version)
      )`);
    await queryRunner.query(`CREATE INDEX mentions_entity_idx ON mentions (entity_id)`);
    await queryRunner.query(`
      CREATE TABLE outbox (
        id bigserial PRIMARY KEY,
        event_id uuid NOT NULL UNIQUE,
        topic text NOT NULL,
        message_key text NOT NULL,
        payload jsonb NOT NULL,
        headers jsonb NOT NULL DEFAULT '{}',
        created_at timestamptz NOT NULL DEFAULT now(),
        published_at timestamptz
      )`);
    await queryRunner.query(`CREATE INDEX outbox_unpublished_idx ON outbox (id) WHERE published_at IS NULL`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of [
      'outbox',
      'mentions',
      'entities',
      'article_versions',
      'articles',
      'ingest_ledger',
      'sources',
    ]) {
      await queryRunner.query(`DROP TABLE IF EXISTS ${table}`);
    }
  }
}
