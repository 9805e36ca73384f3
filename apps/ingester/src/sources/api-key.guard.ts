import { type CanActivate, type ExecutionContext, Injectable, UnauthorizedException } from '@nestjs/common';
import { type FastifyRequest } from 'fastify';
import { Webhook, WebhookVerificationError } from 'standardwebhooks';
import { type AuthenticatedSource, SourcesService } from './sources.service';

export type AuthenticatedRequest = FastifyRequest & { source?: AuthenticatedSource; rawBody?: Buffer };

/**
 * Every write carries `Authorization: Bearer <api key>`; the request is attributed to the key's
 * source. A source with a signing secret must also sign each push the Standard Webhooks way
 * (webhook-id, webhook-timestamp, webhook-signature over "id.timestamp.body"); a timestamp more
 * than five minutes off is refused, so a captured push cannot be replayed later.
 */
@Injectable()
export class ApiKeyGuard implements CanActivate {
  constructor(private readonly sources: SourcesService) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const match = /^Bearer\s+(\S+)$/i.exec(request.headers.authorization ?? '');
    if (!match) throw new UnauthorizedException('missing Authorization: Bearer <api key> header');
    const source = await this.sources.authenticate(match[1]);
    if (!source) throw new UnauthorizedException('unknown or revoked API key');
    if (source.signingSecret !== null) verifySignature(request, source.signingSecret);
    request.source = source;
    return true;
  }
}

function verifySignature(request: AuthenticatedRequest, secret: string): void {
  const header = (name: string): string => {
    const value = request.headers[name];
    if (typeof value !== 'string' || value === '') {
      throw new UnauthorizedException(`this source signs its pushes: the ${name} header is missing`);
    }
    return value;
  };
  const headers = {
    'webhook-id': header('webhook-id'),
    'webhook-timestamp': header('webhook-timestamp'),
    'webhook-signature': header('webhook-signature'),
  };
  try {
    new Webhook(secret).verify(request.rawBody ?? Buffer.alloc(0), headers);
  } catch (error) {
    const reason =
      error instanceof WebhookVerificationError ? error.message : 'signature could not be checked';
    throw new UnauthorizedException(`push signature refused: ${reason}`);
  }
}
