import { type CanActivate, type ExecutionContext, Injectable, UnauthorizedException } from '@nestjs/common';
import { type FastifyRequest } from 'fastify';
import { type AuthenticatedSource, SourcesService } from './sources.service';

export type AuthenticatedRequest = FastifyRequest & { source?: AuthenticatedSource };

/** Every write carries `Authorization: Bearer <api key>`; the request is attributed to the key's source. */
@Injectable()
export class ApiKeyGuard implements CanActivate {
  constructor(private readonly sources: SourcesService) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const match = /^Bearer\s+(\S+)$/i.exec(request.headers.authorization ?? '');
    if (!match) throw new UnauthorizedException('missing Authorization: Bearer <api key> header');
    const source = await this.sources.authenticate(match[1]);
    if (!source) throw new UnauthorizedException('unknown or revoked API key');
    request.source = source;
    return true;
  }
}
