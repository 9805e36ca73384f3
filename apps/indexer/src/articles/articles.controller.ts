import { BadRequestException, Controller, Get, NotFoundException, Param } from '@nestjs/common';
import { ArticlesService, type ArticleView } from './articles.service';

const ARTICLE_ID = /^[a-z0-9]{32}$/;

@Controller('v1/articles')
export class ArticlesController {
  constructor(private readonly articles: ArticlesService) {}

  /** The latest stored version with its entities; 404 until the article has been indexed. */
  @Get(':id')
  async get(@Param('id') id: string): Promise<ArticleView> {
    if (!ARTICLE_ID.test(id)) {
      throw new BadRequestException({
        statusCode: 400,
        error: 'Bad Request',
        message: 'invalid article id',
        errors: [{ path: '/id', message: 'must be 32 lowercase hexadecimal characters' }],
      });
    }
    const article = await this.articles.latest(id);
    if (!article) throw new NotFoundException(`article ${id} is not indexed (yet)`);
    return article;
  }
}
