import { Module } from '@nestjs/common';
import { loadEnvSection } from '../config/env-section';
import { OutboxConfig } from './outbox.config';
import { OutboxPruner } from './outbox-pruner.service';

/** Housekeeping side of the outbox: deletes expired rows (scheduled by the order worker). */
@Module({
  providers: [{ provide: OutboxConfig, useFactory: () => loadEnvSection(OutboxConfig) }, OutboxPruner],
  exports: [OutboxPruner],
})
export class OutboxPrunerModule {}
