import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  HttpStatus,
  Param,
  Patch,
  Post,
  Query,
  Req,
  UseGuards,
} from '@nestjs/common';
import { createValidator, type FieldError } from '@newsflow/contracts';
import { badRequest } from '@newsflow/platform';
import { SourceApiKeyGuard, type SourceRequest } from './api-key.guard';
import { checkFilter } from './subscription-filter';
import {
  CreateSubscriptionSchema,
  PageQuerySchema,
  UpdateSubscriptionSchema,
  type DeliveryLogEntry,
  type SubscriptionView,
  type SubscriptionWithSecret,
} from './subscriptions.schemas';
import { SubscriptionsService } from './subscriptions.service';

const validateCreate = createValidator(CreateSubscriptionSchema);
const validateUpdate = createValidator(UpdateSubscriptionSchema);
const validatePage = createValidator(PageQuerySchema);
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function parse<T>(result: { ok: true; value: T } | { ok: false; errors: FieldError[] }, what: string): T {
  if (!result.ok) throw badRequest(`invalid ${what}`, result.errors);
  const filter = (result.value as { filter?: Parameters<typeof checkFilter>[0] }).filter;
  const problems = filter ? checkFilter(filter).map((e) => ({ ...e, path: `/filter${e.path}` })) : [];
  if (problems.length > 0) throw badRequest(`invalid ${what}`, problems);
  return result.value;
}

function checkId(id: string): string {
  if (!UUID.test(id))
    throw badRequest('invalid subscription id', [{ path: '/id', message: 'must be a UUID' }]);
  return id.toLowerCase();
}

function page(query: unknown, cursorPattern: RegExp, cursorName: string): { cursor?: string; limit: number } {
  const { cursor, limit } = parse(validatePage(query ?? {}), 'query');
  if (cursor !== undefined && !cursorPattern.test(cursor)) {
    throw badRequest('invalid cursor', [
      { path: '/cursor', message: `must be a ${cursorName} from a previous page` },
    ]);
  }
  return { cursor, limit: limit === undefined ? 50 : Number(limit) };
}

/** Webhook subscriptions of the calling source: only that source sees or changes them. */
@Controller('v1/subscriptions')
@UseGuards(SourceApiKeyGuard)
export class SubscriptionsController {
  constructor(private readonly subscriptions: SubscriptionsService) {}

  /** 201 with the secret, shown only here (and on rotation). */
  @Post()
  async create(@Body() body: unknown, @Req() request: SourceRequest): Promise<SubscriptionWithSecret> {
    const { url, filter } = parse(validateCreate(body), 'subscription');
    return this.subscriptions.create(request.sourceId!, url, filter ?? {});
  }

  @Get()
  list(@Query() query: unknown, @Req() request: SourceRequest) {
    const { cursor, limit } = page(query, UUID, 'subscription id');
    return this.subscriptions.list(request.sourceId!, cursor, limit);
  }

  @Get(':id')
  find(@Param('id') id: string, @Req() request: SourceRequest): Promise<SubscriptionView> {
    return this.subscriptions.find(request.sourceId!, checkId(id));
  }

  @Patch(':id')
  update(
    @Param('id') id: string,
    @Body() body: unknown,
    @Req() request: SourceRequest,
  ): Promise<SubscriptionView> {
    const changes = parse(validateUpdate(body), 'subscription change');
    return this.subscriptions.update(request.sourceId!, checkId(id), changes);
  }

  @Delete(':id')
  @HttpCode(HttpStatus.NO_CONTENT)
  async remove(@Param('id') id: string, @Req() request: SourceRequest): Promise<void> {
    await this.subscriptions.remove(request.sourceId!, checkId(id));
  }

  /** A new secret; the old one keeps signing (a second v1 signature) for the grace period. */
  @Post(':id/secret/rotate')
  @HttpCode(HttpStatus.OK)
  rotate(@Param('id') id: string, @Req() request: SourceRequest): Promise<SubscriptionWithSecret> {
    return this.subscriptions.rotateSecret(request.sourceId!, checkId(id));
  }

  /** The attempt log, newest first; `next` is the cursor of the following page. */
  @Get(':id/deliveries')
  deliveries(
    @Param('id') id: string,
    @Query() query: unknown,
    @Req() request: SourceRequest,
  ): Promise<{ items: DeliveryLogEntry[]; next: string | null }> {
    const { cursor, limit } = page(query, /^[0-9]{1,19}$/, 'delivery attempt id');
    return this.subscriptions.deliveryLog(request.sourceId!, checkId(id), cursor, limit);
  }

  /** Re-enables the subscription and queues its dead-lettered deliveries again. */
  @Post(':id/deliveries/retry')
  @HttpCode(HttpStatus.ACCEPTED)
  retry(@Param('id') id: string, @Req() request: SourceRequest): Promise<{ requeued: number }> {
    return this.subscriptions.retryDeliveries(request.sourceId!, checkId(id));
  }
}
