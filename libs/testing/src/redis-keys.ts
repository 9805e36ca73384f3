import { Redis } from 'ioredis';
import { testEnv } from './test-env';

/** Deletes every key under `prefix` in the test Redis db: what a spec's BullMQ queues left there. */
export async function deleteRedisKeys(prefix: string): Promise<void> {
  const redis = new Redis(testEnv.redisUrl);
  try {
    const keys = await redis.keys(`${prefix}:*`);
    if (keys.length > 0) await redis.del(...keys);
  } finally {
    await redis.quit();
  }
}
