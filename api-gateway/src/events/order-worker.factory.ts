import { INestMicroservice } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { MicroserviceOptions, Transport } from '@nestjs/microservices';
import { Partitioners } from 'kafkajs';
import type { EnvironmentSchema } from '../config/env.schema';
import { loadEnvSection } from '../orders/config/env-section';
import { ReservationReaperScheduler } from '../orders/reservation-reaper.scheduler';
import { EventsConfig } from './events.config';
import { OrderWorkerModule } from './order-worker.module';
import { OutboxRelay } from './outbox-relay.service';

export interface OrderWorkerOptions {
  env?: EnvironmentSchema;
  /** Consumer group of the email sender (tests use their own). */
  groupId?: string;
  /** New consumer groups start at the beginning of the topics (production) or at the end (tests). */
  fromBeginning?: boolean;
}

/**
 * Builds the worker as a Kafka microservice (@nestjs/microservices ServerKafka: the email sender's
 * @EventPattern handlers) and starts the outbox relay and the reaper once it listens.
 */
export async function startOrderWorker(options: OrderWorkerOptions = {}): Promise<INestMicroservice> {
  const events = loadEnvSection(EventsConfig);
  const app = await NestFactory.createMicroservice<MicroserviceOptions>(OrderWorkerModule.forRoot(options.env), {
    transport: Transport.KAFKA,
    options: {
      postfixId: '',
      client: { clientId: 'order-worker', brokers: events.brokers },
      // sessionTimeout: a killed worker's group membership lapses within 6 s, so its restarted
      // process (runtime supervisor / Compose restart policy) joins and is ready again quickly
      consumer: {
        groupId: options.groupId ?? events.ORDER_MAIL_GROUP_ID, allowAutoTopicCreation: false, maxWaitTimeInMs: 100,
        sessionTimeout: 6000, heartbeatInterval: 2000,
      },
      subscribe: { fromBeginning: options.fromBeginning ?? true },
      producer: { createPartitioner: Partitioners.DefaultPartitioner },
      run: { autoCommit: true },
    },
    logger: ['error', 'warn', 'log'],
  });
  app.enableShutdownHooks();
  await app.listen();
  app.get(OutboxRelay).start();
  app.get(ReservationReaperScheduler).start();
  return app;
}
