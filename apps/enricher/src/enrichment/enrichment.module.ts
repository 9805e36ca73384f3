import { Module } from '@nestjs/common';
import { createTagger } from '@newsflow/tagger';
import { EnrichmentConsumer } from './enrichment.consumer';
import { EnrichmentService, TAGGER } from './enrichment.service';

@Module({
  providers: [{ provide: TAGGER, useFactory: () => createTagger() }, EnrichmentService, EnrichmentConsumer],
  exports: [EnrichmentConsumer],
})
export class EnrichmentModule {}
