import { Injectable } from '@nestjs/common';
import { type EntityManager } from 'typeorm';
import { hammingDistance, NEAR_DUPLICATE_MAX_DISTANCE, type Fingerprint } from '@newsflow/fingerprint';

export interface FingerprintedArticle {
  articleId: string;
  fingerprint: Fingerprint;
}

interface Candidate {
  article_id: string;
  simhash: string;
  cluster_id: string;
}

/**
 * Puts every new article version into a near-duplicate cluster: the cluster of the closest stored
 * article that shares a MinHash band and is within the SimHash distance, else a cluster of its own
 * (named by its article id). Runs inside the ingest transaction.
 */
@Injectable()
export class NearDuplicatesRepository {
  async assignClusters(
    manager: EntityManager,
    articles: FingerprintedArticle[],
  ): Promise<Map<string, string>> {
    const clusters = new Map<string, string>();
    if (articles.length === 0) return clusters;
    const bandKeys = [...new Set(articles.flatMap((a) => a.fingerprint.bands))];
    const stored = await manager.query<Candidate[]>(
      `SELECT DISTINCT f.article_id, f.simhash, f.cluster_id
       FROM fingerprint_bands b JOIN article_fingerprints f ON f.article_id = b.article_id
       WHERE b.band_key = ANY($1::text[])`,
      [bandKeys],
    );
    // Band keys only fetch candidates; the SimHash distance decides. Members of this push are
    // candidates for the ones after them.
    const candidates = [...stored];
    for (const article of articles) {
      let best: { cluster: string; distance: number } | undefined;
      for (const candidate of candidates) {
        if (candidate.article_id === article.articleId) continue;
        const distance = hammingDistance(article.fingerprint.simhash, candidate.simhash);
        if (distance <= NEAR_DUPLICATE_MAX_DISTANCE && (!best || distance < best.distance)) {
          best = { cluster: candidate.cluster_id, distance };
        }
      }
      const cluster = best?.cluster ?? article.articleId;
      clusters.set(article.articleId, cluster);
      candidates.push({
        article_id: article.articleId,
        simhash: article.fingerprint.simhash,
        cluster_id: cluster,
      });
    }
    await this.save(manager, articles, clusters);
    return clusters;
  }

  private async save(
    manager: EntityManager,
    articles: FingerprintedArticle[],
    clusters: Map<string, string>,
  ): Promise<void> {
    const latest = [...new Map(articles.map((a) => [a.articleId, a])).values()];
    const ids = latest.map((a) => a.articleId);
    await manager.query(
      `INSERT INTO article_fingerprints (article_id, simhash, cluster_id)
       SELECT * FROM unnest($1::text[], $2::text[], $3::text[])
       ON CONFLICT (article_id) DO UPDATE SET simhash = EXCLUDED.simhash, cluster_id = EXCLUDED.cluster_id,
         updated_at = now()`,
      [ids, latest.map((a) => a.fingerprint.simhash), ids.map((id) => clusters.get(id)!)],
    );
    await manager.query(`DELETE FROM fingerprint_bands WHERE article_id = ANY($1::text[])`, [ids]);
    const rows = latest.flatMap((a) =>
      [...new Set(a.fingerprint.bands)].map((key) => [key, a.articleId] as const),
    );
    await manager.query(
      `INSERT INTO fingerprint_bands (band_key, article_id) SELECT * FROM unnest($1::text[], $2::text[])
       ON CONFLICT DO NOTHING`,
      [rows.map((r) => r[0]), rows.map((r) => r[1])],
    );
  }
}
