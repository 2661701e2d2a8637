import { Module } from '@nestjs/common';
import { OutboxWriter } from './outbox.writer';

/** Writing side of the outbox (used inside order transactions). */
@Module({ providers: [OutboxWriter], exports: [OutboxWriter] })
export class OutboxModule {}
