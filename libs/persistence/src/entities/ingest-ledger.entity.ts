import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * The ingester's memory of each article: the version it last published and that version's content
 * hash. Rows are locked while a push is published, so versions of one article leave in order.
 */
@Entity({ name: 'ingest_ledger' })
export class IngestLedgerEntity {
  @PrimaryColumn({ name: 'article_id', type: 'text' })
  articleId!: string;

  @Column({ name: 'source_id', type: 'text' })
  sourceId!: string;

  @Column({ type: 'text' })
  uri!: string;

  @Column({ type: 'integer' })
  version!: number;

  @Column({ name: 'content_hash', type: 'text' })
  contentHash!: string;

  @Column({ name: 'pub_status', type: 'text' })
  pubStatus!: string;

  @Column({ name: 'version_created', type: 'timestamptz' })
  versionCreated!: Date;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
