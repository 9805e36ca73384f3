import { createHash } from 'node:crypto';
import {
  type CanActivate,
  type ExecutionContext,
  Inject,
  Injectable,
  UnauthorizedException,
} from '@nestjs/common';
import { type FastifyRequest } from 'fastify';
import { DataSource } from 'typeorm';

export type SourceRequest = FastifyRequest & { sourceId?: string };

// Lookups are cached briefly so that a request costs no extra query; a key revoked on the ingester
// stops working here within this many milliseconds (the ingester's own cache has the same bound).
const CACHE_TTL_MS = 30_000;

/**
 * `Authorization: Bearer <api key>` against the api_keys table the ingester manages (keys are
 * stored as SHA-256 hashes): the request is attributed to the key's source. Subscription requests
 * are not pushes, so a source's push-signing requirement does not apply here.
 */
@Injectable()
export class SourceApiKeyGuard implements CanActivate {
  private readonly cache = new Map<string, { sourceId: string | null; expires: number }>();

  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<SourceRequest>();
    const match = /^Bearer\s+(\S+)$/i.exec(request.headers.authorization ?? '');
    if (!match) throw new UnauthorizedException('missing Authorization: Bearer <api key> header');
    const sourceId = await this.sourceOf(match[1]);
    if (sourceId === null) throw new UnauthorizedException('unknown or revoked API key');
    request.sourceId = sourceId;
    return true;
  }

  private async sourceOf(apiKey: string): Promise<string | null> {
    const keyHash = createHash('sha256').update(apiKey).digest('hex');
    const cached = this.cache.get(keyHash);
    if (cached && cached.expires > Date.now()) return cached.sourceId;
    const rows = await this.dataSource.query<Array<{ id: string }>>(
      `SELECT s.id FROM api_keys k JOIN sources s ON s.id = k.source_id
       WHERE k.key_hash = $1 AND k.revoked_at IS NULL AND s.revoked_at IS NULL`,
      [keyHash],
    );
    const sourceId = rows[0]?.id ?? null;
    this.cache.set(keyHash, { sourceId, expires: Date.now() + CACHE_TTL_MS });
    return sourceId;
  }
}
