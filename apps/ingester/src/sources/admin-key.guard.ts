import { createHash, timingSafeEqual } from 'node:crypto';
import {
  type CanActivate,
  type ExecutionContext,
  ForbiddenException,
  Inject,
  Injectable,
  UnauthorizedException,
} from '@nestjs/common';
import { type FastifyRequest } from 'fastify';
import { INGESTER_CONFIG, type IngesterConfig } from '../ingester.config';

const digest = (value: string): Buffer => createHash('sha256').update(value).digest();

/** Source administration needs `Authorization: Bearer <NEWSFLOW_ADMIN_API_KEY>`. */
@Injectable()
export class AdminKeyGuard implements CanActivate {
  constructor(@Inject(INGESTER_CONFIG) private readonly config: IngesterConfig) {}

  canActivate(context: ExecutionContext): boolean {
    const adminKey = this.config.NEWSFLOW_ADMIN_API_KEY;
    if (adminKey === undefined) {
      throw new ForbiddenException('source administration is off: set NEWSFLOW_ADMIN_API_KEY to turn it on');
    }
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    const match = /^Bearer\s+(\S+)$/i.exec(request.headers.authorization ?? '');
    // Compared as digests so that the comparison takes the same time whatever the key's length.
    if (!match || !timingSafeEqual(digest(match[1]), digest(adminKey))) {
      throw new UnauthorizedException('missing or wrong admin key');
    }
    return true;
  }
}
