import { Body, Controller, HttpStatus, Inject, Post, Query, Req, Res, UseGuards } from '@nestjs/common';
import { type FastifyReply } from 'fastify';
import { type FieldError } from '@newsflow/contracts';
import { badRequest } from '@newsflow/platform';
import { ApiKeyGuard, type AuthenticatedRequest } from '../sources/api-key.guard';
import { INGESTER_CONFIG, type IngesterConfig } from '../ingester.config';
import { validatePush, type ItemValidation } from './article-input.schema';
import { ArticlesService } from './articles.service';
import {
  mergeResults,
  toDryRunItem,
  viewOfArticle,
  type DryRunItem,
  type PushItemResult,
} from './push-response';

const rejection = (item: ItemValidation) => (item.ok ? undefined : item.errors);

/** `?dryRun=true` publishes nothing and shows each item as Newsflow understood it. */
export function parseDryRun(value: string | undefined): boolean {
  if (value === undefined || value === 'false') return false;
  if (value === 'true') return true;
  throw badRequest('invalid query parameter', [{ path: '/dryRun', message: 'must be "true" or "false"' }]);
}

@Controller('v1/articles')
@UseGuards(ApiKeyGuard)
export class ArticlesController {
  constructor(
    private readonly articles: ArticlesService,
    @Inject(INGESTER_CONFIG) private readonly config: IngesterConfig,
  ) {}

  /**
   * One article or an array of them. Answers 202 with one result per item, in order, once Kafka has
   * acknowledged every new version; a bad item is answered `rejected` with its errors and does not
   * hold back the others. A push with nothing valid in it is a 400.
   */
  @Post()
  async push(
    @Body() body: unknown,
    @Query('dryRun') dryRunParam: string | undefined,
    @Req() request: AuthenticatedRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<PushItemResult | PushItemResult[] | { items: DryRunItem[] }> {
    const dryRun = parseDryRun(dryRunParam);
    const validation = validatePush(body, this.config.INGEST_MAX_BATCH);
    if (!validation.ok) throw invalid(validation.errors);
    const valid = validation.items.flatMap((item) => (item.ok ? [item.article] : []));
    const sourceId = request.source!.id;

    if (dryRun) {
      const results = mergeResults(validation.items, rejection, await this.articles.preview(sourceId, valid));
      void reply.status(HttpStatus.OK);
      return {
        items: results.map((result, i) => {
          const item = validation.items[i];
          return toDryRunItem(result, viewOfArticle(item.ok ? item.article : undefined));
        }),
      };
    }
    if (valid.length === 0) throw invalid(validation.items.flatMap((item) => (item.ok ? [] : item.errors)));
    const results = mergeResults(validation.items, rejection, await this.articles.ingest(sourceId, valid));
    void reply.status(HttpStatus.ACCEPTED);
    return validation.single ? results[0] : results;
  }
}

const invalid = (errors: FieldError[]) =>
  badRequest(`${errors.length} invalid field(s); nothing was published`, errors);
