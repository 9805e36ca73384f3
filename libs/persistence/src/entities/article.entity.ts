import { Column, Entity, PrimaryColumn } from 'typeorm';

/** One row per article: which version is the latest. The versions themselves are in article_versions. */
@Entity({ name: 'articles' })
export class ArticleEntity {
  @PrimaryColumn({ type: 'text' })
  id!: string;

  @Column({ name: 'source_id', type: 'text' })
  sourceId!: string;

  @Column({ type: 'text' })
  uri!: string;

  @Column({ name: 'latest_version', type: 'integer' })
  latestVersion!: number;

  @Column({ name: 'pub_status', type: 'text' })
  pubStatus!: string;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
