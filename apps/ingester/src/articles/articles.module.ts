import { Module } from '@nestjs/common';
import { SourcesModule } from '../sources/sources.module';
import { ArticlesController } from './articles.controller';
import { ArticlesService } from './articles.service';
import { IngestLedgerRepository } from './ingest-ledger.repository';
import { NearDuplicatesRepository } from './near-duplicates.repository';

@Module({
  imports: [SourcesModule],
  controllers: [ArticlesController],
  providers: [ArticlesService, IngestLedgerRepository, NearDuplicatesRepository],
  exports: [ArticlesService],
})
export class ArticlesModule {}
