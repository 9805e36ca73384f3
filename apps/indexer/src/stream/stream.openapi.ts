import { Type } from '@sinclair/typebox';
import { ArticleUpdateEventSchema } from '@newsflow/contracts';
import { errorResponse, type ApiOperation } from '@newsflow/platform';

const list = (description: string) =>
  Type.Optional(
    Type.Union([Type.String(), Type.Array(Type.String())], {
      description: `${description}; repeat the parameter or separate values with commas`,
    }),
  );

const StreamQuerySchema = Type.Object({
  entities: list('Canonical entity ids (Q64, nf:person:…) or names'),
  types: list(
    'Entity types (PERSON, ORGANIZATION, LOCATION, MISC) and/or update kinds (created, updated, killed)',
  ),
  query: Type.Optional(Type.String({ description: 'Full text: terms AND, "phrases", OR, -negation' })),
  sources: list('Source ids'),
  languages: list('Language codes'),
  topics: list('Topics'),
  lastEventId: Type.Optional(
    Type.String({ description: 'Resume after this event id (for clients that cannot send Last-Event-ID)' }),
  ),
});

export const streamOperations: ApiOperation[] = [
  {
    method: 'GET',
    path: '/v1/stream',
    operationId: 'streamUpdates',
    summary: 'Server-sent events of article updates (news.updates.v1), filtered like a subscription',
    description:
      'Each event is `id: <position in the update log>` and `data: <ArticleUpdateEvent JSON>`; a comment line every STREAM_HEARTBEAT_MS keeps the connection open. Without `Last-Event-ID` the stream starts at the newest update; with it, the stream replays every matching update after that position from the stored log, then goes on live. A client that falls more than STREAM_MAX_BUFFER_BYTES behind receives `event: error` with `{"error":"slow_consumer"}` and the stream ends; it resumes with Last-Event-ID. A client resuming from before the retention period (OUTBOX_RETENTION_HOURS) first receives `event: gap` with `{"error":"history_pruned","missedFrom","resumesAt"}`.',
    tags: ['stream'],
    query: StreamQuerySchema,
    headers: Type.Object({
      'last-event-id': Type.Optional(Type.String({ description: 'The id of the last event received' })),
    }),
    responses: {
      200: {
        description: 'The event stream; each event’s data is one update event',
        content: { 'text/event-stream': ArticleUpdateEventSchema },
      },
      400: errorResponse('A parameter is invalid; `errors` names each one'),
      503: errorResponse('This instance serves STREAM_MAX_CLIENTS streams already'),
    },
  },
];
