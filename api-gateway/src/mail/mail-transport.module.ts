import { Inject, Module, OnApplicationShutdown } from '@nestjs/common';
import { createTransport } from 'nodemailer';
import { loadEnvSection } from '../config/env-section';
import { MailConfig } from './mail.config';
import { MAIL_SLEEP, MAIL_TRANSPORT, MailTransport, realSleep } from './mail-transport';

class TransportCloser implements OnApplicationShutdown {
  constructor(@Inject(MAIL_TRANSPORT) private readonly transport: MailTransport) {}
  onApplicationShutdown(): void {
    this.transport.close?.();
  }
}

/** The SMTP transport (maildev in development) and its settings, for every module that sends mail. */
@Module({
  providers: [
    { provide: MailConfig, useFactory: () => loadEnvSection(MailConfig) },
    {
      provide: MAIL_TRANSPORT,
      inject: [MailConfig],
      useFactory: (cfg: MailConfig): MailTransport =>
        createTransport({
          host: cfg.SMTP_HOST,
          port: cfg.SMTP_PORT,
          secure: false,
          ignoreTLS: true,
          connectionTimeout: 5_000,
          socketTimeout: 10_000,
          // reuse the SMTP connection: one per message capped the mailer at ~9.5 messages/s against
          // maildev (~330/s pooled), below the order rate of the fault suite's busiest minutes
          pool: true,
          maxConnections: 2,
        }),
    },
    { provide: MAIL_SLEEP, useValue: realSleep },
    TransportCloser,
  ],
  exports: [MailConfig, MAIL_TRANSPORT, MAIL_SLEEP],
})
export class MailTransportModule {}
