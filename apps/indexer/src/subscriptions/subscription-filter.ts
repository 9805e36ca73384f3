import { Type, type Static } from '@sinclair/typebox';
import { type FieldError } from '@newsflow/contracts';

/**
 * What a subscriber follows. Keys AND together, the values of one key OR together, and an empty
 * filter matches every update. Shared by webhooks (subscriptions) and the live stream (query
 * parameters), so both select exactly the same updates.
 */
export const ENTITY_TYPES = ['PERSON', 'ORGANIZATION', 'LOCATION', 'MISC'] as const;
export const UPDATE_KINDS = ['created', 'updated', 'killed'] as const;

// Limits keep one subscription's cost bounded: every value becomes an index key, and a query is
// checked token by token against every matching article.
const MAX_VALUES = 100;
const MAX_VALUE_LENGTH = 200;
const MAX_QUERY_LENGTH = 500;
const MAX_QUERY_CLAUSES = 20;

const values = (description: string) =>
  Type.Array(Type.String({ minLength: 1, maxLength: MAX_VALUE_LENGTH }), {
    minItems: 1,
    maxItems: MAX_VALUES,
    description,
  });

export const SubscriptionFilterSchema = Type.Object(
  {
    entities: Type.Optional(
      values(
        'Canonical entity ids (Q42, nf:person:jane-doe) or entity names (case-insensitive exact match); any one',
      ),
    ),
    types: Type.Optional(
      Type.Array(Type.Union([...ENTITY_TYPES, ...UPDATE_KINDS].map((value) => Type.Literal(value))), {
        minItems: 1,
        maxItems: ENTITY_TYPES.length + UPDATE_KINDS.length,
        description:
          'Entity types (the article mentions such an entity; with `entities`, the named entity has that type) and/or update kinds (only those updates)',
      }),
    ),
    query: Type.Optional(
      Type.String({
        minLength: 1,
        maxLength: MAX_QUERY_LENGTH,
        description: 'Full text over headline and body: terms AND, "quoted phrases", OR, -negation',
      }),
    ),
    sources: Type.Optional(values('Source ids; any one')),
    languages: Type.Optional(values('Language codes as stored (en, fr, und); any one')),
    topics: Type.Optional(values('Topics, exact; any one')),
  },
  { additionalProperties: false },
);
export type SubscriptionFilter = Static<typeof SubscriptionFilterSchema>;

export interface MatchableArticle {
  articleId: string;
  version: number;
  kind: 'created' | 'updated' | 'killed';
  sourceId: string;
  language: string;
  topics: string[];
  entities: Array<{ id: string; name: string; type: string }>;
  /** headline + body */
  text: string;
}

// ---------------------------------------------------------------------------------------------
// Full-text query: a subset of PostgreSQL's websearch_to_tsquery syntax, on word tokens.

/** One AND-ed clause: any of its phrases (OR), or for a negated clause none of them. */
export interface QueryClause {
  negated: boolean;
  /** Each alternative is a phrase: consecutive word tokens (a single term is a one-token phrase). */
  alternatives: string[][];
}

const WORD = /[\p{L}\p{N}]+/gu;

/** Lower-cased word tokens: letters and digits of any script; everything else separates words. */
export function tokenize(text: string): string[] {
  return (text.toLowerCase().normalize('NFKC').match(WORD) ?? []) as string[];
}

/**
 * `a b` both; `"a b"` the phrase; `a OR b` either (OR binds tighter than the implicit AND, as in
 * websearch_to_tsquery: `x a OR b` is x AND (a OR b)); `-a` / `-"a b"` not. Anything else is text.
 */
export function parseQuery(query: string): QueryClause[] {
  const items: Array<{ negated: boolean; phrase: string[] } | 'OR'> = [];
  const pattern = /(-?)"([^"]*)"?|(\S+)/g;
  for (let match = pattern.exec(query); match !== null; match = pattern.exec(query)) {
    if (match[3] !== undefined) {
      const word = match[3];
      if (word === 'OR') {
        items.push('OR');
        continue;
      }
      const negated = word.startsWith('-') && word.length > 1;
      const phrase = tokenize(negated ? word.slice(1) : word);
      if (phrase.length > 0) items.push({ negated, phrase });
    } else {
      const phrase = tokenize(match[2] ?? '');
      if (phrase.length > 0) items.push({ negated: match[1] === '-', phrase });
    }
  }
  const clauses: QueryClause[] = [];
  let joinNext = false;
  for (const item of items) {
    if (item === 'OR') {
      joinNext = clauses.length > 0;
      continue;
    }
    const previous = clauses[clauses.length - 1];
    // Negations stand alone: "a OR -b" is read as "a -b" (websearch_to_tsquery's reading is odd too).
    if (joinNext && previous && !previous.negated && !item.negated) {
      previous.alternatives.push(item.phrase);
    } else {
      clauses.push({ negated: item.negated, alternatives: [item.phrase] });
    }
    joinNext = false;
  }
  return clauses;
}

// ---------------------------------------------------------------------------------------------
// Validation beyond the JSON Schema, and compilation to a predicate.

/** Problems the schema cannot see; paths are relative to the filter ("/query"). */
export function checkFilter(filter: SubscriptionFilter): FieldError[] {
  const errors: FieldError[] = [];
  if (filter.query !== undefined) {
    const clauses = parseQuery(filter.query);
    if (clauses.length === 0) errors.push({ path: '/query', message: 'must contain at least one word' });
    else if (clauses.length > MAX_QUERY_CLAUSES) {
      errors.push({ path: '/query', message: `must have at most ${MAX_QUERY_CLAUSES} terms or phrases` });
    }
  }
  return errors;
}

/** An article's text as tokens, computed once per article however many filters look at it. */
export interface PreparedText {
  tokens: string[];
  /** token → positions in `tokens` */
  positions: Map<string, number[]>;
}

const prepared = new WeakMap<MatchableArticle, PreparedText>();

export function prepareText(article: MatchableArticle): PreparedText {
  let result = prepared.get(article);
  if (result) return result;
  const tokens = tokenize(article.text);
  const positions = new Map<string, number[]>();
  tokens.forEach((token, index) => {
    const list = positions.get(token);
    if (list) list.push(index);
    else positions.set(token, [index]);
  });
  result = { tokens, positions };
  prepared.set(article, result);
  return result;
}

function containsPhrase(text: PreparedText, phrase: string[]): boolean {
  const starts = text.positions.get(phrase[0]);
  if (!starts) return false;
  if (phrase.length === 1) return true;
  return starts.some((start) => phrase.every((token, offset) => text.tokens[start + offset] === token));
}

const entityKeysOf = new WeakMap<MatchableArticle, Array<{ id: string; name: string; type: string }>>();

/** The article's entities with lower-cased id and name, computed once per article. */
function lowerCasedEntities(article: MatchableArticle): Array<{ id: string; name: string; type: string }> {
  let result = entityKeysOf.get(article);
  if (!result) {
    result = article.entities.map((e) => ({ id: entityKey(e.id), name: entityKey(e.name), type: e.type }));
    entityKeysOf.set(article, result);
  }
  return result;
}

const isEntityType = (value: string): boolean => (ENTITY_TYPES as readonly string[]).includes(value);
const isUpdateKind = (value: string): boolean => (UPDATE_KINDS as readonly string[]).includes(value);

/** Lower-cased: entity values match an id or a name, both case-insensitively. */
export const entityKey = (value: string): string => value.toLowerCase();

/**
 * The filter as a predicate. Semantics (README "Fan-out"):
 * - `entities`: the article mentions an entity whose id or name equals one of the values (any case);
 * - `types`: entity types and update kinds are two conditions, AND-ed when both are given: the update
 *   is of one of the kinds, and the article mentions an entity of one of the types (with `entities`,
 *   one entity must satisfy both: a named entity of that type);
 * - `query`: every clause holds on the word tokens of headline + body (phrases consecutive);
 * - `sources`, `languages`, `topics`: exact equality with one of the values.
 */
export function compileFilter(filter: SubscriptionFilter): (article: MatchableArticle) => boolean {
  const checks: Array<(article: MatchableArticle) => boolean> = [];
  const entityValues = filter.entities ? new Set(filter.entities.map(entityKey)) : undefined;
  const entityTypes = new Set<string>((filter.types ?? []).filter(isEntityType));
  const kinds = new Set((filter.types ?? []).filter(isUpdateKind));
  if (kinds.size > 0) checks.push((article) => kinds.has(article.kind));
  if (entityValues || entityTypes.size > 0) {
    checks.push((article) =>
      lowerCasedEntities(article).some(
        (entity) =>
          (entityTypes.size === 0 || entityTypes.has(entity.type)) &&
          (!entityValues || entityValues.has(entity.id) || entityValues.has(entity.name)),
      ),
    );
  }
  if (filter.sources) {
    const sources = new Set(filter.sources);
    checks.push((article) => sources.has(article.sourceId));
  }
  if (filter.languages) {
    const languages = new Set(filter.languages);
    checks.push((article) => languages.has(article.language));
  }
  if (filter.topics) {
    const topics = new Set(filter.topics);
    checks.push((article) => article.topics.some((topic) => topics.has(topic)));
  }
  if (filter.query !== undefined) {
    const clauses = parseQuery(filter.query);
    checks.push((article) => {
      const text = prepareText(article);
      return clauses.every(
        (clause) => clause.alternatives.some((phrase) => containsPhrase(text, phrase)) !== clause.negated,
      );
    });
  }
  return (article) => checks.every((check) => check(article));
}

// ---------------------------------------------------------------------------------------------
// The inverted index.

interface IndexedSubscription {
  id: string;
  matches: (article: MatchableArticle) => boolean;
  keys: string[];
  /** The filter is nothing but its anchor key: a key hit is a match, no predicate to run. */
  exact: boolean;
  /** Stamp of the last match() that looked at it: one check per article however many keys hit. */
  seen: number;
}

// Common words make poor index keys (nearly every article has them); longer words are rarer.
const COMMON_WORDS = new Set(
  'the a an and or of to in on for with by at from is are was were be as it its this that not no'.split(' '),
);
const termWeight = (token: string): number => (COMMON_WORDS.has(token) ? 0 : token.length);

/**
 * The keys a filter is filed under: one key kind only, the most selective it has, such that an
 * article the filter matches always produces at least one of these keys. A filter with none (empty,
 * or only negations) is filed under MATCH_ALL and checked for every article.
 */
export function anchorKeys(filter: SubscriptionFilter): string[] {
  if (filter.entities) return filter.entities.map((value) => `e:${entityKey(value)}`);
  if (filter.query !== undefined) {
    // Any positive clause must hold, so one token of each of its alternatives is a sound key; the
    // clause whose keys are rarest (by length, a proxy for frequency) is used.
    let best: { keys: string[]; weight: number } | undefined;
    for (const clause of parseQuery(filter.query)) {
      if (clause.negated) continue;
      const keys = clause.alternatives.map((phrase) =>
        phrase.reduce((a, b) => (termWeight(b) > termWeight(a) ? b : a)),
      );
      const weight = Math.min(...keys.map(termWeight)) - keys.length;
      if (!best || weight > best.weight) best = { keys: keys.map((token) => `q:${token}`), weight };
    }
    if (best) return [...new Set(best.keys)];
  }
  // A deployment has more sources than topics (and each source publishes a small share of the news),
  // so a source key is the more selective of the two.
  if (filter.sources) return filter.sources.map((source) => `s:${source}`);
  if (filter.topics) return filter.topics.map((topic) => `t:${topic}`);
  if (filter.languages) return filter.languages.map((language) => `l:${language}`);
  const entityTypes = (filter.types ?? []).filter(isEntityType);
  if (entityTypes.length > 0) return entityTypes.map((type) => `y:${type}`);
  const kinds = (filter.types ?? []).filter(isUpdateKind);
  if (kinds.length > 0) return kinds.map((kind) => `k:${kind}`);
  return [MATCH_ALL];
}

const MATCH_ALL = '*';

/**
 * True when matching one of the anchor keys is the whole filter: a single key, which is the anchor,
 * with no other condition (entities without types, one topic/source/language list, entity types or
 * update kinds alone, or a query of OR-ed single words). Such filters need no predicate call.
 */
function isExactAnchor(filter: SubscriptionFilter): boolean {
  const present = (Object.keys(filter) as Array<keyof SubscriptionFilter>).filter(
    (k) => filter[k] !== undefined,
  );
  if (present.length === 0) return true; // MATCH_ALL
  if (present.length > 1) return false;
  const [key] = present;
  if (key === 'types') {
    const types = filter.types ?? [];
    return types.every(isEntityType) || types.every(isUpdateKind);
  }
  if (key === 'query') {
    const clauses = parseQuery(filter.query ?? '');
    return (
      clauses.length === 1 &&
      !clauses[0].negated &&
      clauses[0].alternatives.every((phrase) => phrase.length === 1)
    );
  }
  return true;
}

/** Every key an article produces; a filter filed under any of them is a candidate. */
function articleKeys(article: MatchableArticle): Set<string> {
  const keys = new Set<string>([
    MATCH_ALL,
    `s:${article.sourceId}`,
    `l:${article.language}`,
    `k:${article.kind}`,
  ]);
  for (const topic of article.topics) keys.add(`t:${topic}`);
  for (const entity of article.entities) {
    keys.add(`e:${entityKey(entity.id)}`);
    keys.add(`e:${entityKey(entity.name)}`);
    keys.add(`y:${entity.type}`);
  }
  return keys;
}

/**
 * Subscriptions filed under inverted keys (entity id/name, query term, topic, source, language,
 * entity type, update kind, or match-all). Matching an article looks up only the keys the article
 * produces, then checks each candidate's full predicate once — never all subscriptions.
 */
export class SubscriptionIndex {
  private readonly byKey = new Map<string, Set<IndexedSubscription>>();
  /** Query-anchored filters, by term: looked up per distinct token of the article. */
  private readonly byTerm = new Map<string, Set<IndexedSubscription>>();
  private readonly byId = new Map<string, IndexedSubscription>();
  private stamp = 0;

  add(id: string, filter: SubscriptionFilter): void {
    this.remove(id);
    const entry: IndexedSubscription = {
      id,
      matches: compileFilter(filter),
      keys: anchorKeys(filter),
      exact: isExactAnchor(filter),
      seen: 0,
    };
    for (const key of entry.keys) {
      const map = key.startsWith('q:') ? this.byTerm : this.byKey;
      const name = key.startsWith('q:') ? key.slice(2) : key;
      let set = map.get(name);
      if (!set) map.set(name, (set = new Set()));
      set.add(entry);
    }
    this.byId.set(id, entry);
  }

  remove(id: string): void {
    const entry = this.byId.get(id);
    if (!entry) return;
    for (const key of entry.keys) {
      const map = key.startsWith('q:') ? this.byTerm : this.byKey;
      const name = key.startsWith('q:') ? key.slice(2) : key;
      const set = map.get(name);
      set?.delete(entry);
      if (set?.size === 0) map.delete(name);
    }
    this.byId.delete(id);
  }

  has(id: string): boolean {
    return this.byId.has(id);
  }

  get size(): number {
    return this.byId.size;
  }

  /** Ids of the subscriptions whose filter matches, in no particular order. */
  match(article: MatchableArticle): string[] {
    const stamp = ++this.stamp;
    const matched: string[] = [];
    const visit = (set: Set<IndexedSubscription> | undefined) => {
      if (!set) return;
      for (const entry of set) {
        if (entry.seen === stamp) continue;
        entry.seen = stamp;
        if (entry.exact || entry.matches(article)) matched.push(entry.id);
      }
    };
    for (const key of articleKeys(article)) visit(this.byKey.get(key));
    if (this.byTerm.size > 0) {
      for (const token of prepareText(article).positions.keys()) visit(this.byTerm.get(token));
    }
    return matched;
  }
}
