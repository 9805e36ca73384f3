/**
 * Where the tests' infrastructure is: tools/test.sh starts the `test` profile of deploy/local/infra.sh
 * (its own Kafka on 19092, database newsflow_test, Redis db 1) and exports these, so that a test run
 * never touches a running development stack.
 */
export const testEnv = {
  kafkaBrokers: process.env.KAFKA_BROKERS ?? '127.0.0.1:19092',
  databaseUrl: process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/newsflow_test',
  redisUrl: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379/1',
};

/** A short random suffix for names a test owns (topics, groups, uris), so tests never share state. */
export const uniqueSuffix = (): string =>
  `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`;

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls `probe` until it returns a value other than undefined, or fails with `what` after the timeout. */
export async function eventually<T>(
  what: string,
  probe: () => Promise<T | undefined>,
  { timeoutMs = 30_000, intervalMs = 200 } = {},
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  while (Date.now() < deadline) {
    try {
      const value = await probe();
      if (value !== undefined) return value;
    } catch (error) {
      lastError = error;
    }
    await sleep(intervalMs);
  }
  throw new Error(
    `timed out after ${timeoutMs} ms waiting for ${what}${lastError instanceof Error ? `: ${lastError.message}` : ''}`,
  );
}
