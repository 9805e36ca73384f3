import { type ApiOperation, errorResponse } from '@newsflow/platform';
import { Type } from '@sinclair/typebox';
import {
  ArticleFormatQuerySchema,
  ArticleIdParamsSchema,
  ArticlePageSchema,
  ArticleVersionsSchema,
  ArticleViewSchema,
  ListArticlesQuerySchema,
  NinjsSchema,
} from './articles.schemas';

export const articlesOperations: ApiOperation[] = [
  {
    method: 'GET',
    path: '/v1/articles',
    operationId: 'searchArticles',
    summary: 'Search and filter articles (latest versions), a page at a time',
    description: [
      'Full-text search (`q`, PostgreSQL `websearch_to_tsquery`, English stemming; headline weighted above body)',
      'and filters on entity, entity type, source, language and versionCreated. Killed articles are included',
      'with `pubStatus: canceled`. Ordered by versionCreated, newest first (`order=relevance` with `q`: best',
      'match first). Keyset pagination: pass `nextCursor` back as `cursor` with the same other parameters;',
      'articles indexed meanwhile never make a page repeat or skip one. Every parameter is validated: a bad',
      'one is answered 400 with `errors: [{ path: "/<name>", message }]`.',
    ].join(' '),
    tags: ['articles'],
    query: ListArticlesQuerySchema,
    responses: {
      200: { description: 'A page of results', content: { 'application/json': ArticlePageSchema } },
      400: errorResponse('A parameter is invalid; `errors` names each one'),
    },
  },
  {
    method: 'GET',
    path: '/v1/articles/:id',
    operationId: 'getArticle',
    summary: 'The latest version of an article, with its entities (or as IPTC ninjs 2.2)',
    description:
      '`format=ninjs` answers IPTC ninjs 2.2: `uri` is `urn:newsflow:article:<id>`; people, organisations and places carry Wikidata URIs (`http://www.wikidata.org/entity/Q…`) or `urn:newsflow:entity:<id>`; the publisher’s uri is an altid.',
    tags: ['articles'],
    params: ArticleIdParamsSchema,
    query: ArticleFormatQuerySchema,
    responses: {
      200: {
        description: 'The latest stored version',
        content: {
          'application/json': Type.Union([ArticleViewSchema, NinjsSchema], {
            description: 'The Newsflow view, or ninjs with `format=ninjs`',
          }),
        },
      },
      400: errorResponse('Malformed id or query parameter'),
      404: errorResponse('Not indexed (yet)'),
    },
  },
  {
    method: 'GET',
    path: '/v1/articles/:id/versions',
    operationId: 'listArticleVersions',
    summary: 'Every stored version of an article, oldest first',
    tags: ['articles'],
    params: ArticleIdParamsSchema,
    responses: {
      200: { description: 'The versions', content: { 'application/json': ArticleVersionsSchema } },
      400: errorResponse('Malformed id'),
      404: errorResponse('Not indexed (yet)'),
    },
  },
];
