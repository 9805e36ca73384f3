import { Type } from '@sinclair/typebox';

export const ArticleId = Type.String({
  pattern: '^[a-z0-9]{32}$',
  description: 'Stable Newsflow article id (32 lowercase hex chars, derived from source and uri)',
});
export const Version = Type.Integer({ minimum: 1, description: 'Article version, 1 for the first' });
export const EventId = Type.String({
  format: 'uuid',
  description: 'Unique per event; consumers deduplicate on it',
});
export const Timestamp = Type.String({ format: 'date-time' });
export const PubStatus = Type.Union(
  [Type.Literal('usable'), Type.Literal('withheld'), Type.Literal('canceled')],
  {
    description: 'IPTC publication status; canceled means the story is killed',
  },
);
export const IngestStatus = Type.Union(
  [Type.Literal('accepted'), Type.Literal('updated'), Type.Literal('killed')],
  {
    description: 'What this version is to the ingester: a new article, a new version, or a kill',
  },
);
export const EntityType = Type.Union([
  Type.Literal('PERSON'),
  Type.Literal('ORGANIZATION'),
  Type.Literal('LOCATION'),
  Type.Literal('MISC'),
]);

export const ClusterId = Type.String({
  minLength: 1,
  description:
    'Near-duplicate cluster: the id of the first article of the story it republishes (its own if none)',
});
