import { Controller, Get, HttpStatus, Inject, Res } from '@nestjs/common';
import { type FastifyReply } from 'fastify';

/** One dependency a service needs to do its job; `check` rejects when it cannot. */
export interface HealthIndicator {
  name: string;
  check(): Promise<void>;
}

export const HEALTH_INDICATORS = Symbol('HEALTH_INDICATORS');

const withTimeout = <T>(promise: Promise<T>, ms: number): Promise<T> =>
  Promise.race([
    promise,
    new Promise<T>((_, reject) =>
      setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms).unref(),
    ),
  ]);

/** GET /health: 200 when every dependency answers, 503 naming the ones that do not. */
@Controller('health')
export class HealthController {
  constructor(@Inject(HEALTH_INDICATORS) private readonly indicators: HealthIndicator[]) {}

  @Get()
  async health(@Res() reply: FastifyReply): Promise<void> {
    const results = await Promise.all(
      this.indicators.map(async (indicator) => {
        const name = indicator.name;
        try {
          await withTimeout(indicator.check(), 3_000);
          return [name, { status: 'up' }] as const;
        } catch (error) {
          return [name, { status: 'down', error: (error as Error).message }] as const;
        }
      }),
    );
    const checks: Record<string, { status: 'up' | 'down'; error?: string }> = {};
    for (const [name, result] of results) checks[name] = result;
    const healthy = results.every(([, result]) => result.status === 'up');
    await reply
      .status(healthy ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE)
      .send({ status: healthy ? 'ok' : 'unavailable', checks });
  }
}
