import {
  BadRequestException,
  Body,
  Controller,
  HttpCode,
  HttpStatus,
  Inject,
  Post,
  Req,
  UseGuards,
} from '@nestjs/common';
import { ApiKeyGuard, type AuthenticatedRequest } from '../sources/api-key.guard';
import { INGESTER_CONFIG, type IngesterConfig } from '../ingester.config';
import { validatePush } from './article-input.schema';
import { ArticlesService, type IngestResult } from './articles.service';

@Controller('v1/articles')
@UseGuards(ApiKeyGuard)
export class ArticlesController {
  constructor(
    private readonly articles: ArticlesService,
    @Inject(INGESTER_CONFIG) private readonly config: IngesterConfig,
  ) {}

  /** One article or an array of them; 202 once Kafka has acknowledged every new version. */
  @Post()
  @HttpCode(HttpStatus.ACCEPTED)
  async push(
    @Body() body: unknown,
    @Req() request: AuthenticatedRequest,
  ): Promise<IngestResult | IngestResult[]> {
    const validation = validatePush(body, this.config.INGEST_MAX_BATCH);
    if (!validation.ok) {
      throw new BadRequestException({
        statusCode: 400,
        error: 'Bad Request',
        message: `${validation.errors.length} invalid field(s); nothing was published`,
        errors: validation.errors,
      });
    }
    const results = await this.articles.ingest(request.source!.id, validation.articles);
    return validation.single ? results[0] : results;
  }
}
