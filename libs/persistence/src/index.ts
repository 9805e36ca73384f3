export { createDataSource, runMigrations, ENTITIES, MIGRATIONS, type DatabaseOptions } from './data-source';
export { ApiKeyEntity } from './entities/api-key.entity';
export { ArticleVersionEntity } from './entities/article-version.entity';
export { ArticleEntity } from './entities/article.entity';
export { NamedEntityEntity } from './entities/entity.entity';
export { IngestLedgerEntity } from './entities/ingest-ledger.entity';
export { MentionEntity } from './entities/mention.entity';
export { OutboxEntity } from './entities/outbox.entity';
export { SourceEntity } from './entities/source.entity';
