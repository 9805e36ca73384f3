import {
  BadRequestException,
  Body,
  Controller,
  Headers,
  HttpStatus,
  Post,
  Query,
  Req,
  Res,
  UnsupportedMediaTypeException,
  UseGuards,
} from '@nestjs/common';
import { type FastifyReply } from 'fastify';
import { FeedParseError } from '@newsflow/feeds';
import { parseDryRun } from '../articles/articles.controller';
import { type DryRunItem, type PushItemResult } from '../articles/push-response';
import { ApiKeyGuard, type AuthenticatedRequest } from '../sources/api-key.guard';
import { FeedsService } from './feeds.service';

@Controller('v1/feeds')
@UseGuards(ApiKeyGuard)
export class FeedsController {
  constructor(private readonly feeds: FeedsService) {}

  /**
   * A raw RSS 2.0, RSS 1.0, Atom or JSON Feed document, its media type in Content-Type. One article
   * per item, answered per item in document order (202); `?dryRun=true` publishes nothing (200).
   */
  @Post('push')
  async push(
    @Body() body: unknown,
    @Headers('content-type') contentType: string | undefined,
    @Query('dryRun') dryRunParam: string | undefined,
    @Req() request: AuthenticatedRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<PushItemResult[] | { items: DryRunItem[] }> {
    const dryRun = parseDryRun(dryRunParam);
    const bytes = Buffer.isBuffer(body) ? body : request.rawBody;
    if (!bytes || bytes.length === 0) throw new BadRequestException('the feed document is empty');
    try {
      if (dryRun) {
        const items = await this.feeds.preview(request.source!.id, bytes, contentType);
        void reply.status(HttpStatus.OK);
        return { items };
      }
      const results = await this.feeds.ingest(request.source!.id, bytes, contentType);
      void reply.status(HttpStatus.ACCEPTED);
      return results;
    } catch (error) {
      if (error instanceof FeedParseError) {
        const payload = { error: error.code, message: error.message };
        if (error.code === 'unsupported_media_type') throw new UnsupportedMediaTypeException(payload);
        throw new BadRequestException(payload);
      }
      throw error;
    }
  }
}
