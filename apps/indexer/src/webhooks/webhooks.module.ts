import { Module } from '@nestjs/common';
import { MatchableArticleRepository } from '../subscriptions/matchable-article.repository';
import { SubscriptionMatcher } from '../subscriptions/subscription-matcher';
import { WebhookDeliveryProcessor } from './webhook-delivery.processor';
import { WebhookDeliveryService } from './webhook-delivery.service';
import { WebhookDispatcher } from './webhook.dispatcher';
import { WebhookQueueModule } from './webhook-queue.module';

/** Webhook fan-out (INDEXER_ROLES webhooks): the dispatcher on news.updates.v1 and the delivery worker. */
@Module({
  imports: [WebhookQueueModule],
  providers: [
    MatchableArticleRepository,
    SubscriptionMatcher,
    WebhookDispatcher,
    WebhookDeliveryService,
    WebhookDeliveryProcessor,
  ],
  exports: [WebhookDispatcher],
})
export class WebhooksModule {}
