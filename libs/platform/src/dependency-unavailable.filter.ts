import { type ArgumentsHost, Catch, type ExceptionFilter, HttpStatus, Logger } from '@nestjs/common';
import { type FastifyReply } from 'fastify';
import { PublishError } from '@newsflow/kafka';

/** Seconds a client is asked to wait before retrying when Kafka or the database is unavailable. */
export const RETRY_AFTER_SECONDS = 5;

const CONNECTION_ERROR_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  '57P01',
  '57P03',
]);

function isDatabaseUnavailable(error: unknown): boolean {
  const code = (error as { code?: unknown; driverError?: { code?: unknown } }).code;
  const driverCode = (error as { driverError?: { code?: unknown } }).driverError?.code;
  const message = error instanceof Error ? error.message : '';
  return (
    CONNECTION_ERROR_CODES.has(String(code)) ||
    CONNECTION_ERROR_CODES.has(String(driverCode)) ||
    /Connection terminated|timeout exceeded when trying to connect/i.test(message)
  );
}

/**
 * A write that Kafka did not acknowledge, or that the database could not take, is answered 503 with
 * Retry-After: never 202, never a bare 500. Everything else falls through to Nest's own handling.
 */
@Catch()
export class DependencyUnavailableFilter implements ExceptionFilter {
  private readonly logger = new Logger('http');

  catch(error: unknown, host: ArgumentsHost): void {
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    if (error instanceof PublishError || isDatabaseUnavailable(error)) {
      this.logger.warn(`answering 503: ${(error as Error).message}`);
      void reply
        .status(HttpStatus.SERVICE_UNAVAILABLE)
        .header('Retry-After', String(RETRY_AFTER_SECONDS))
        .send({
          statusCode: HttpStatus.SERVICE_UNAVAILABLE,
          error: 'Service Unavailable',
          message:
            error instanceof PublishError
              ? 'Kafka is unavailable; nothing was published'
              : 'database is unavailable',
        });
      return;
    }
    const status = (error as { getStatus?: () => number }).getStatus?.();
    if (status !== undefined) {
      const body = (error as { getResponse: () => unknown }).getResponse();
      void reply.status(status).send(typeof body === 'string' ? { statusCode: status, message: body } : body);
      return;
    }
    // Fastify's own client errors (bad JSON, body too large, wrong media type) keep their status.
    const fastifyStatus = (error as { statusCode?: unknown }).statusCode;
    if (typeof fastifyStatus === 'number' && fastifyStatus >= 400 && fastifyStatus < 500) {
      void reply.status(fastifyStatus).send({
        statusCode: fastifyStatus,
        error: (error as { code?: string }).code ?? 'Bad Request',
        message: (error as Error).message,
      });
      return;
    }
    this.logger.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
    void reply.status(HttpStatus.INTERNAL_SERVER_ERROR).send({
      statusCode: 500,
      error: 'Internal Server Error',
      message: 'unexpected error; see the service log',
    });
  }
}
