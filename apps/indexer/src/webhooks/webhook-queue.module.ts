import { Module } from '@nestjs/common';
import { SubscriptionsRepository } from '../subscriptions/subscriptions.repository';
import { WebhookDeliveriesRepository } from './webhook-deliveries.repository';
import { WebhookQueue } from './webhook.queue';

/** Data access shared by the subscriptions API and the webhook dispatcher and worker. */
@Module({
  providers: [WebhookQueue, WebhookDeliveriesRepository, SubscriptionsRepository],
  exports: [WebhookQueue, WebhookDeliveriesRepository, SubscriptionsRepository],
})
export class WebhookQueueModule {}
