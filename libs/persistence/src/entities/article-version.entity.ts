import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Every version of every article, as enriched. (article_id, version) is unique: redelivery is a no-op. */
@Entity({ name: 'article_versions' })
export class ArticleVersionEntity {
  @PrimaryColumn({ name: 'article_id', type: 'text' })
  articleId!: string;

  @PrimaryColumn({ type: 'integer' })
  version!: number;

  @Column({ name: 'event_id', type: 'uuid', unique: true })
  eventId!: string;

  @Column({ type: 'text' })
  status!: string;

  @Column({ name: 'pub_status', type: 'text' })
  pubStatus!: string;

  @Column({ type: 'text' })
  headline!: string;

  @Column({ type: 'text', nullable: true })
  byline!: string | null;

  @Column({ name: 'body_html', type: 'text', nullable: true })
  bodyHtml!: string | null;

  @Column({ type: 'text' })
  text!: string;

  @Column({ type: 'text' })
  language!: string;

  @Column({ name: 'content_hash', type: 'text' })
  contentHash!: string;

  @Column({ type: 'text', array: true })
  topics!: string[];

  @Column({ type: 'text', array: true })
  keywords!: string[];

  @Column({ name: 'version_created', type: 'timestamptz' })
  versionCreated!: Date;

  @Column({ name: 'first_created', type: 'timestamptz', nullable: true })
  firstCreated!: Date | null;

  @Column({ name: 'ingested_at', type: 'timestamptz' })
  ingestedAt!: Date;

  @Column({ name: 'indexed_at', type: 'timestamptz' })
  indexedAt!: Date;
}
