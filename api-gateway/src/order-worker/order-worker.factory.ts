import { INestMicroservice } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { MicroserviceOptions, Transport } from '@nestjs/microservices';
import { Kafka, logLevel, Partitioners } from 'kafkajs';
import type { EnvironmentSchema } from '../config/env.schema';
import { loadEnvSection } from '../config/env-section';
import { EventsConfig } from '../events/events.config';
import { ensureOrderTopics } from '../events/order-topics';
import { OutboxPrunerScheduler } from '../events/outbox-pruner.scheduler';
import { ReservationReaperScheduler } from '../orders/reservation-reaper.scheduler';
import { OrderWorkerModule } from './order-worker.module';

export interface OrderWorkerOptions {
  env?: EnvironmentSchema;
  /** Consumer group of the email sender (tests use their own). */
  groupId?: string;
  /** New consumer groups start at the beginning of the topics (production) or at the end (tests). */
  fromBeginning?: boolean;
}

/**
 * Builds the worker as a Kafka microservice (@nestjs/microservices ServerKafka: the email sender's
 * @EventPattern handlers) and starts the reaper and the outbox pruner once it listens. The order
 * topics are created first if missing (the broker has auto.create.topics.enable=false), so the
 * consumer can subscribe before the first order.
 */
export async function startOrderWorker(options: OrderWorkerOptions = {}): Promise<INestMicroservice> {
  const events = loadEnvSection(EventsConfig);
  const admin = new Kafka({ clientId: 'order-worker-admin', brokers: events.brokers, logLevel: logLevel.NOTHING }).admin();
  await admin.connect();
  try {
    await ensureOrderTopics(admin, events.ORDER_TOPIC_PARTITIONS);
  } finally {
    await admin.disconnect();
  }
  const app = await NestFactory.createMicroservice<MicroserviceOptions>(OrderWorkerModule.forRoot(options.env), {
    transport: Transport.KAFKA,
    options: {
      postfixId: '',
      client: { clientId: 'order-worker', brokers: events.brokers },
      // sessionTimeout: a killed worker's group membership lapses within 6 s, so its restarted
      // process (runtime supervisor / Compose restart policy) joins and is ready again quickly.
      // maxWaitTimeInMs: an idle fetch is answered by the broker after this long (a new event is
      // answered at once: fetch.min.bytes 1), so it sets the idle fetch rate, not the latency; it
      // stays under the heartbeat interval because kafkajs heartbeats between fetches.
      consumer: {
        groupId: options.groupId ?? events.ORDER_MAIL_GROUP_ID,
        allowAutoTopicCreation: false,
        maxWaitTimeInMs: 1000,
        sessionTimeout: 6000,
        heartbeatInterval: 2000,
      },
      subscribe: { fromBeginning: options.fromBeginning ?? true },
      producer: { createPartitioner: Partitioners.DefaultPartitioner },
      run: { autoCommit: true },
    },
    logger: ['error', 'warn', 'log'],
  });
  app.enableShutdownHooks();
  await app.listen();
  app.get(ReservationReaperScheduler).start();
  app.get(OutboxPrunerScheduler).start();
  return app;
}
