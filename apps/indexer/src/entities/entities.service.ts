import { Injectable } from '@nestjs/common';
import { toSummary } from '../articles/articles.service';
import { entityUri } from '../articles/ninjs';
import { type EntityDetails, type EntityMatch, type EntityMatches } from './entities.schemas';
import { EntitiesRepository, type EntityRow } from './entities.repository';

const LATEST_ARTICLES = 10;

const toMatch = (row: EntityRow): EntityMatch => ({
  id: row.id,
  name: row.name,
  type: row.type as EntityMatch['type'],
  aliases: row.aliases,
  articleCount: row.article_count,
  mentionCount: row.mention_count,
});

@Injectable()
export class EntitiesService {
  constructor(private readonly entities: EntitiesRepository) {}

  /** Entities whose name or an alias starts with `prefix` (case-insensitive), most-mentioned first. */
  async search(prefix: string, type: string | undefined, limit: number): Promise<EntityMatches> {
    return { items: (await this.entities.search(prefix, type, limit)).map(toMatch) };
  }

  async details(id: string): Promise<EntityDetails | undefined> {
    const row = await this.entities.find(id);
    if (!row) return undefined;
    const latest = await this.entities.latestArticles(id, LATEST_ARTICLES);
    return {
      ...toMatch(row),
      ids: { uri: entityUri(row.id), wikidata: /^Q[1-9][0-9]*$/.test(row.id) ? row.id : null },
      latestArticles: latest.map(toSummary),
    };
  }
}
