import { Controller, Get, NotFoundException, Param, Query } from '@nestjs/common';
import { createValidator } from '@newsflow/contracts';
import { badRequest } from '@newsflow/platform';
import { toArticleSearch } from './article-search';
import {
  ArticleFormatQuerySchema,
  ArticleIdParamsSchema,
  ListArticlesQuerySchema,
  type ArticlePage,
  type ArticleVersions,
  type ArticleView,
} from './articles.schemas';
import { ArticlesService } from './articles.service';
import { type NinjsDocument } from './ninjs';
import { parameterParser } from './request-validation';

const validateId = createValidator(ArticleIdParamsSchema);
const parseFormat = parameterParser(ArticleFormatQuerySchema, 'query parameter');
const parseListQuery = parameterParser(ListArticlesQuerySchema, 'query parameter');

function articleId(params: unknown): string {
  const result = validateId(params);
  if (!result.ok) {
    throw badRequest('invalid article id', [
      { path: '/id', message: 'must be 32 lowercase hexadecimal characters' },
    ]);
  }
  return result.value.id;
}

const notIndexed = (id: string) => new NotFoundException(`article ${id} is not indexed (yet)`);

@Controller('v1/articles')
export class ArticlesController {
  constructor(private readonly articles: ArticlesService) {}

  /** Search and filter latest versions, a page at a time (keyset pagination: pass `nextCursor` back). */
  @Get()
  list(@Query() query: unknown): Promise<ArticlePage> {
    return this.articles.search(toArticleSearch(parseListQuery(query)));
  }

  /** The latest stored version with its entities, or as ninjs; 404 until the article has been indexed. */
  @Get(':id')
  async get(@Param() params: unknown, @Query() query: unknown): Promise<ArticleView | NinjsDocument> {
    const id = articleId(params);
    const { format } = parseFormat(query);
    const article =
      format === 'ninjs' ? await this.articles.latestAsNinjs(id) : await this.articles.latest(id);
    if (!article) throw notIndexed(id);
    return article;
  }

  @Get(':id/versions')
  async versions(@Param() params: unknown): Promise<ArticleVersions> {
    const id = articleId(params);
    const versions = await this.articles.versions(id);
    if (!versions) throw notIndexed(id);
    return versions;
  }
}
