import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Where an entity occurs in one article version: offsets are JavaScript string indices into its text. */
@Entity({ name: 'mentions' })
export class MentionEntity {
  @PrimaryColumn({ name: 'article_id', type: 'text' })
  articleId!: string;

  @PrimaryColumn({ type: 'integer' })
  version!: number;

  @PrimaryColumn({ name: 'start_offset', type: 'integer' })
  startOffset!: number;

  @PrimaryColumn({ name: 'end_offset', type: 'integer' })
  endOffset!: number;

  @Column({ name: 'entity_id', type: 'text' })
  entityId!: string;

  @Column({ type: 'text' })
  text!: string;

  @Column({ type: 'real', nullable: true })
  confidence!: number | null;
}
