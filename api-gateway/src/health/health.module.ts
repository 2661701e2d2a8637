import { Module } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { SearchModule } from '../search/search.module';
import { HealthController } from './health.controller';
import { RedisHealthIndicator } from './redis.health';
import { SearchHealthIndicator } from './search.health';

@Module({
  imports: [TerminusModule.forRoot({ logger: false }), SearchModule],
  controllers: [HealthController],
  providers: [RedisHealthIndicator, SearchHealthIndicator],
})
export class HealthModule {}
