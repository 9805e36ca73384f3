import { Controller, Get, Headers, Inject, Query, Res, ServiceUnavailableException } from '@nestjs/common';
import { type FastifyReply } from 'fastify';
import { createValidator, type FieldError } from '@newsflow/contracts';
import { badRequest } from '@newsflow/platform';
import { INDEXER_CONFIG, type IndexerConfig } from '../indexer.config';
import {
  checkFilter,
  compileFilter,
  SubscriptionFilterSchema,
  type SubscriptionFilter,
} from '../subscriptions/subscription-filter';
import { StreamClient } from './stream-client';
import { StreamHub } from './stream.hub';

const LIST_KEYS = ['entities', 'types', 'sources', 'languages', 'topics'] as const;
const KNOWN_KEYS = new Set<string>([...LIST_KEYS, 'query', 'lastEventId']);
const validateFilter = createValidator(SubscriptionFilterSchema);

type QueryValue = string | string[] | undefined;

/**
 * Query parameters as a subscription filter: a list key takes repeated parameters
 * (`entities=Q64&entities=Q90`) or comma-separated values (`languages=en,fr`); `query` is full text.
 * Errors name the parameter, as the filter's JSON pointer (`/types/0`).
 */
export function filterFromQuery(params: Record<string, QueryValue>): {
  filter: SubscriptionFilter;
  errors: FieldError[];
} {
  const errors: FieldError[] = [];
  const filter: Record<string, unknown> = {};
  for (const key of Object.keys(params)) {
    if (!KNOWN_KEYS.has(key)) errors.push({ path: `/${key}`, message: 'is not a stream parameter' });
  }
  for (const key of LIST_KEYS) {
    const raw = params[key];
    if (raw === undefined) continue;
    const values = (Array.isArray(raw) ? raw : [raw])
      .flatMap((value) => value.split(','))
      .map((value) => value.trim())
      .filter((value) => value !== '');
    if (values.length > 0) filter[key] = values;
  }
  const query = params.query;
  if (Array.isArray(query)) errors.push({ path: '/query', message: 'must be given once' });
  else if (query !== undefined && query.trim() !== '') filter.query = query;
  const validation = validateFilter(filter);
  if (!validation.ok) return { filter: {}, errors: [...errors, ...validation.errors] };
  return { filter: validation.value, errors: [...errors, ...checkFilter(validation.value)] };
}

/** `Last-Event-ID` (header, or `lastEventId` for clients that cannot set headers): a log position. */
export function parseLastEventId(header: QueryValue, param: QueryValue): number | FieldError | undefined {
  const value = param ?? header;
  if (value === undefined || value === '') return undefined;
  if (Array.isArray(value) || !/^\d{1,15}$/.test(value.trim())) {
    return { path: '/lastEventId', message: 'must be the id of an event this stream sent (a whole number)' };
  }
  return Number(value);
}

/**
 * `GET /v1/stream`: server-sent events of news.updates.v1 as it is published, filtered like a
 * subscription, with heartbeats and `Last-Event-ID` resume from the stored update log.
 */
@Controller('v1/stream')
export class StreamController {
  constructor(
    private readonly hub: StreamHub,
    @Inject(INDEXER_CONFIG) private readonly config: IndexerConfig,
  ) {}

  @Get()
  async stream(
    @Query() params: Record<string, QueryValue>,
    @Headers('last-event-id') lastEventIdHeader: QueryValue,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const { filter, errors } = filterFromQuery(params);
    const lastEventId = parseLastEventId(lastEventIdHeader, params.lastEventId);
    if (typeof lastEventId === 'object') errors.push(lastEventId);
    else if (lastEventId !== undefined && lastEventId > (await this.hub.storedHead())) {
      // An id this log never gave (another deployment's, or from before a database reset): waiting
      // for the log to reach it would silently skip everything until then.
      errors.push({ path: '/lastEventId', message: `is ahead of this update log` });
    }
    if (errors.length > 0) {
      throw badRequest('invalid stream parameters', errors);
    }
    if (this.hub.clientCount >= this.config.STREAM_MAX_CLIENTS) {
      throw new ServiceUnavailableException(
        `this instance serves ${this.config.STREAM_MAX_CLIENTS} streams already; try again or another instance`,
      );
    }
    const startAfter = typeof lastEventId === 'number' ? lastEventId : await this.hub.currentHead();
    const response = reply.raw;
    reply.hijack();
    response.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache, no-transform',
      connection: 'keep-alive',
      'x-accel-buffering': 'no', // proxies such as nginx would otherwise hold events back
    });
    // The reconnection delay EventSource uses, and a first line so clients see the stream open.
    response.write(`retry: 2000\n: stream open after ${startAfter}\n\n`);
    const client = new StreamClient(response, compileFilter(filter), startAfter, {
      maxBufferedBytes: this.config.STREAM_MAX_BUFFER_BYTES,
      drainTimeoutMs: this.config.STREAM_DRAIN_TIMEOUT_MS,
    });
    response.on('close', () => this.hub.detach(client));
    await this.hub.attach(client);
  }
}
