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
    await this.register(DEV_SOURCE_ID, 'Development source', devKey);
    this.logger.log(`development source "${DEV_SOURCE_ID}" accepts NEWSFLOW_DEV_API_KEY`);
  }

  /** Registers a source (or finds it) and adds an API key to it; its other keys stay valid. */
  async register(id: string, name: string, apiKey: string): Promise<void> {
    if (!(await this.sources.register(id, name, hashKey(apiKey)))) {
      throw new Error(`that API key already belongs to another source than "${id}"`);
    }
    this.cache.delete(hashKey(apiKey));
  }

  /** The source an API key belongs to, or null for an unknown or revoked key. */
  async authenticate(apiKey: string): Promise<AuthenticatedSource | null> {
    const keyHash = hashKey(apiKey);
    const cached = this.cache.get(keyHash);
    if (cached && cached.expires > Date.now()) return cached.source;
    const row = await this.sources.findActiveByKeyHash(keyHash);
    const source = row ? { id: row.id, name: row.name } : null;
    this.cache.set(keyHash, { source, expires: Date.now() + CACHE_TTL_MS });
    return source;
  }
}
