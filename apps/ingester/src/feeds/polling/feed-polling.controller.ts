import {
  BadRequestException,
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  HttpStatus,
  Inject,
  NotFoundException,
  Param,
  Patch,
  Post,
  Req,
  Res,
  UseGuards,
} from '@nestjs/common';
import { Type } from '@sinclair/typebox';
import { type FastifyReply } from 'fastify';
import { createValidator } from '@newsflow/contracts';
import { OutboundError } from '@newsflow/outbound';
import { badRequest } from '@newsflow/platform';
import { INGESTER_CONFIG, type IngesterConfig } from '../../ingester.config';
import { ApiKeyGuard, type AuthenticatedRequest } from '../../sources/api-key.guard';
import { FeedPollingService, type FeedView } from './feed-polling.service';

/** A day: a feed polled less often than that is not news any more. */
const MAX_INTERVAL_SECONDS = 86_400;

export const registerFeedSchema = (minIntervalSeconds: number) =>
  Type.Object(
    {
      url: Type.String({ minLength: 1, maxLength: 2048, description: 'http or https URL of the feed' }),
      intervalSeconds: Type.Optional(
        Type.Integer({ minimum: minIntervalSeconds, maximum: MAX_INTERVAL_SECONDS }),
      ),
      fullText: Type.Optional(
        Type.Boolean({ description: "fetch each item's page and extract its main text (default false)" }),
      ),
    },
    { additionalProperties: false },
  );

export const updateFeedSchema = (minIntervalSeconds: number) =>
  Type.Object(
    {
      intervalSeconds: Type.Optional(
        Type.Integer({ minimum: minIntervalSeconds, maximum: MAX_INTERVAL_SECONDS }),
      ),
      fullText: Type.Optional(Type.Boolean()),
    },
    { additionalProperties: false, minProperties: 1 },
  );

/** Feeds a source asks the ingester to poll: registered, inspected and deleted by that source only. */
@Controller('v1/feeds')
@UseGuards(ApiKeyGuard)
export class FeedPollingController {
  private readonly validateRegistration;
  private readonly validateUpdate;

  constructor(
    private readonly polling: FeedPollingService,
    @Inject(INGESTER_CONFIG) config: IngesterConfig,
  ) {
    this.validateRegistration = createValidator(registerFeedSchema(config.FEED_MIN_INTERVAL_SECONDS));
    this.validateUpdate = createValidator(updateFeedSchema(config.FEED_MIN_INTERVAL_SECONDS));
  }

  /** 201 with the new feed; 200 with the existing one when the source already registered this URL. */
  @Post()
  async register(
    @Body() body: unknown,
    @Req() request: AuthenticatedRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<FeedView> {
    const validation = this.validateRegistration(body);
    if (!validation.ok) {
      throw badRequest('invalid feed', validation.errors);
    }
    const { url, intervalSeconds, fullText } = validation.value;
    try {
      const { feed, created } = await this.polling.register(
        request.source!.id,
        url,
        intervalSeconds,
        fullText,
      );
      void reply.status(created ? HttpStatus.CREATED : HttpStatus.OK);
      return feed;
    } catch (error) {
      if (error instanceof OutboundError) {
        throw new BadRequestException({
          statusCode: 400,
          error: error.code,
          message: error.message,
          errors: [{ path: '/url', message: error.message }],
        });
      }
      throw error;
    }
  }

  @Get(':id')
  async find(@Param('id') id: string, @Req() request: AuthenticatedRequest): Promise<FeedView> {
    const feed = await this.polling.find(request.source!.id, id);
    if (!feed) throw new NotFoundException(`no feed ${id}`);
    return feed;
  }

  /** Changes `intervalSeconds` and/or `fullText` of a feed the source registered. */
  @Patch(':id')
  async update(
    @Param('id') id: string,
    @Body() body: unknown,
    @Req() request: AuthenticatedRequest,
  ): Promise<FeedView> {
    const validation = this.validateUpdate(body);
    if (!validation.ok) {
      throw badRequest('invalid feed settings', validation.errors);
    }
    const feed = await this.polling.update(request.source!.id, id, validation.value);
    if (!feed) throw new NotFoundException(`no feed ${id}`);
    return feed;
  }

  @Delete(':id')
  @HttpCode(HttpStatus.NO_CONTENT)
  async remove(@Param('id') id: string, @Req() request: AuthenticatedRequest): Promise<void> {
    if (!(await this.polling.remove(request.source!.id, id))) throw new NotFoundException(`no feed ${id}`);
  }
}
