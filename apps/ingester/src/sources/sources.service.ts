import { createHash, randomBytes } from 'node:crypto';
import {
  ConflictException,
  Inject,
  Injectable,
  Logger,
  NotFoundException,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import { INGESTER_CONFIG, type IngesterConfig } from '../ingester.config';
import { KEY_ID_LENGTH, SourcesRepository, type SourceDetails } from './sources.repository';

export interface AuthenticatedSource {
  id: string;
  name: string;
  /** Set when the source must sign its pushes. */
  signingSecret: string | null;
}

export interface IssuedKey {
  id: string;
  key: string;
}

export const DEV_SOURCE_ID = 'dev';

const hashKey = (apiKey: string): string => createHash('sha256').update(apiKey).digest('hex');
const newApiKey = (): string => `nfk_${randomBytes(32).toString('base64url')}`;
/** Standard Webhooks secret form: whsec_ + base64 of random bytes (24–64 allowed; 32 here). */
const newSigningSecret = (): string => `whsec_${randomBytes(32).toString('base64')}`;

// Key lookups are cached briefly so that a push costs no extra query; a revocation takes effect
// within this many milliseconds on other instances (at once on the one that revoked).
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

  /** Creates a source with a first API key (and a signing secret if asked); both are shown only here. */
  async create(
    id: string,
    name: string,
    signed: boolean,
  ): Promise<{ id: string; name: string; apiKey: IssuedKey; signingSecret?: string }> {
    const key = newApiKey();
    const signingSecret = signed ? newSigningSecret() : null;
    if (!(await this.sources.create(id, name, hashKey(key), signingSecret))) {
      throw new ConflictException(`source "${id}" already exists`);
    }
    return {
      id,
      name,
      apiKey: { id: hashKey(key).slice(0, KEY_ID_LENGTH), key },
      ...(signingSecret ? { signingSecret } : {}),
    };
  }

  async details(id: string): Promise<SourceDetails> {
    const details = await this.sources.details(id);
    if (!details) throw new NotFoundException(`source "${id}" does not exist`);
    return details;
  }

  /** Issues another key (rotation: the old ones stay valid until revoked). */
  async addKey(sourceId: string): Promise<IssuedKey> {
    await this.details(sourceId);
    const key = newApiKey();
    await this.sources.addKey(sourceId, hashKey(key));
    return { id: hashKey(key).slice(0, KEY_ID_LENGTH), key };
  }

  async revokeKey(sourceId: string, keyId: string): Promise<void> {
    if (!(await this.sources.revokeKey(sourceId, keyId))) {
      throw new NotFoundException(`source "${sourceId}" has no active key "${keyId}"`);
    }
    this.cache.clear();
  }

  /** The source an API key belongs to, or null for an unknown or revoked key. */
  async authenticate(apiKey: string): Promise<AuthenticatedSource | null> {
    const keyHash = hashKey(apiKey);
    const cached = this.cache.get(keyHash);
    if (cached && cached.expires > Date.now()) return cached.source;
    const row = await this.sources.findActiveByKeyHash(keyHash);
    const source = row ? { id: row.id, name: row.name, signingSecret: row.signing_secret } : null;
    this.cache.set(keyHash, { source, expires: Date.now() + CACHE_TTL_MS });
    return source;
  }
}
