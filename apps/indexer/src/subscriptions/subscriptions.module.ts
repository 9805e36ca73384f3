import { Module } from '@nestjs/common';
import { WebhookQueueModule } from '../webhooks/webhook-queue.module';
import { SourceApiKeyGuard } from './api-key.guard';
import { SubscriptionsController } from './subscriptions.controller';
import { SubscriptionsService } from './subscriptions.service';

/** The subscriptions API (INDEXER_ROLES api). */
@Module({
  imports: [WebhookQueueModule],
  controllers: [SubscriptionsController],
  providers: [SubscriptionsService, SourceApiKeyGuard],
})
export class SubscriptionsModule {}
