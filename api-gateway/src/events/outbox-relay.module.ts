import { Module } from '@nestjs/common';
import { ClientsModule, Transport } from '@nestjs/microservices';
import { Partitioners } from 'kafkajs';
import { loadEnvSection } from '../orders/config/env-section';
import { EventsConfig } from './events.config';
import { ORDER_EVENTS_CLIENT, OutboxRelay } from './outbox-relay.service';

const eventsConfig = { provide: EventsConfig, useFactory: () => loadEnvSection(EventsConfig) };

/** Outbox -> Kafka relay (runs in the worker). */
@Module({
  imports: [
    ClientsModule.registerAsync({
      clients: [{
        name: ORDER_EVENTS_CLIENT,
        extraProviders: [eventsConfig],
        inject: [EventsConfig],
        useFactory: (cfg: EventsConfig) => ({
          transport: Transport.KAFKA,
          options: {
            client: { clientId: 'order-outbox-relay', brokers: cfg.brokers },
            producerOnlyMode: true,
            producer: { allowAutoTopicCreation: false, idempotent: true, maxInFlightRequests: 1, createPartitioner: Partitioners.DefaultPartitioner },
          },
        }),
      }],
    }),
  ],
  providers: [eventsConfig, OutboxRelay],
  exports: [OutboxRelay, EventsConfig],
})
export class OutboxRelayModule {}
