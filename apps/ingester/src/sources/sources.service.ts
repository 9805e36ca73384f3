import { createHash } from 'node:crypto';
import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { INGESTER_CONFIG, type IngesterConfig } from '../ingester.config';
import { SourcesRepository } from './sources.repository';

export interface AuthenticatedSource {
  id: string;
  name: string;
}

export const DEV_SOURCE_ID = 'dev';

const hashKey = (apiKey: string): string => createHash('sha256').update(apiKey).digest('hex');

// Key lookups are cached briefly so that a push costs no extra query; a revocation takes effect
// within this many milliseconds.
const CACHE_TTL_MS = 30_000;

@Injectable()
export class SourcesService implements OnApplicationBootstrap {
  private readonly logger = new Logger(SourcesService.name);
  private readonly cache = new Map<string, { source: AuthenticatedSource | null; expires: number }>();

  constructor(
    private readonly sources: SourcesRepository,
    @Inject(INGESTER_CONFIG) private readonly config: IngesterConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const devKey = this.config.NEWSFLOW_DEV_API_KEY;
    if (devKey === undefined) return;
    await this.sources.upsert(DEV_SOURCE_ID, 'Development source', hashKey(devKey));
    this.logger.log(`development source "${DEV_SOURCE_ID}" registered with NEWSFLOW_DEV_API_KEY`);
  }

  /** The source an API key belongs to, or null for an unknown or revoked key. */
  async authenticate(apiKey: string): Promise<AuthenticatedSource | null> {
    const keyHash = hashKey(apiKey);
    const cached = this.cache.get(keyHash);
    if (cached && cached.expires > Date.now()) return cached.source;
    const entity = await this.sources.findActiveByKeyHash(keyHash);
    const source = entity ? { id: entity.id, name: entity.name } : null;
    this.cache.set(keyHash, { source, expires: Date.now() + CACHE_TTL_MS });
    return source;
  }
}
