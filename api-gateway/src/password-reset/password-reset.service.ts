import { Inject, Injectable, UnauthorizedException } from '@nestjs/common';
import { ThrottlerStorage } from '@nestjs/throttler';
import { randomBytes } from 'crypto';
import type { Logger } from 'pino';
import { passwordProblems, PasswordService } from '../auth/password.service';
import { sha256Hex } from '../auth/refresh-token.service';
import { RevocationService } from '../auth/revocation.service';
import { UnprocessableFieldException } from '../common/errors/domain.exceptions';
import { ValidationFailedException } from '../common/errors/validation.exception';
import { LOGGER } from '../common/logging/logger';
import { AppConfig } from '../config/app-config';
import { MailConfig } from '../mail/mail.config';
import { MAIL_SLEEP, MAIL_TRANSPORT, MailTransport } from '../mail/mail-transport';
import { retryWithBackoff } from '../mail/retry';
import { UsersService } from '../users/users.service';
import { PasswordResetRepository } from './password-reset.repository';
import { renderResetMail, ResetContext, resetLink } from './reset-mail';

export const RESET_THROTTLE_STORAGE = Symbol('RESET_THROTTLE_STORAGE');

/**
 * Forgot / reset / confirm-password for both apps. Tokens are 256 random bits, stored as sha256
 * hex, single use, valid PASSWORD_RESET_TTL_MINUTES. "Forgot" reveals nothing: the same 202 for
 * known, unknown and disabled accounts and for an exhausted per-email budget, and the token is
 * stored and mailed after the response so their latency does not tell either.
 */
@Injectable()
export class PasswordResetService {
  constructor(
    private readonly config: AppConfig,
    private readonly users: UsersService,
    private readonly passwords: PasswordService,
    private readonly resets: PasswordResetRepository,
    private readonly revocations: RevocationService,
    private readonly mailConfig: MailConfig,
    @Inject(MAIL_TRANSPORT) private readonly transport: MailTransport,
    @Inject(MAIL_SLEEP) private readonly sleep: (ms: number) => Promise<void>,
    @Inject(RESET_THROTTLE_STORAGE) private readonly throttle: ThrottlerStorage,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  /** Returns what was done (for tests and logs); the HTTP answer is 202 whatever it is. */
  async forgot(rawEmail: string, context: ResetContext): Promise<'sent' | 'unknown' | 'throttled'> {
    const email = rawEmail.trim().toLowerCase();
    const { PASSWORD_RESET_EMAIL_LIMIT: limit, PASSWORD_RESET_EMAIL_TTL_SECONDS: ttl } = this.config.env;
    const budget = await this.throttle.increment(`email:${sha256Hex(email)}`, ttl * 1000, limit, ttl * 1000, 'password-forgot');
    if (budget.isBlocked) return 'throttled';
    const user = await this.users.findByEmail(email);
    if (!user || user.isDisabled) return 'unknown';
    // token write and mail happen after the answer: known and unknown emails cost the same until then
    void this.issueAndSend(email, user.email, Number(user.id), context);
    return 'sent';
  }

  async reset(rawEmail: string, token: string, password: string): Promise<void> {
    const email = rawEmail.trim().toLowerCase();
    const problems = passwordProblems(password, email);
    if (problems.length) throw new ValidationFailedException(problems.map((message) => ({ field: 'password', message })));
    const hash = await this.passwords.hash(password);
    const userId = await this.resets.resetPassword(email, sha256Hex(token), this.config.env.PASSWORD_RESET_TTL_MINUTES, hash);
    if (userId === null) throw new UnprocessableFieldException('token', 'This password reset token is invalid, expired or already used');
    this.logger.info({ userId }, 'password reset: password changed, every session revoked');
    // the tokens died with token_version; this drops the user's live sockets at once (issue 9, F3).
    // The password is already changed: if Redis is away, the sockets' re-check drops them instead.
    await this.revocations
      .userRevoked(userId)
      .catch((err: Error) => this.logger.warn({ userId, err: err.message }, 'password reset: sockets left to the re-check'));
  }

  /** Breeze's confirm-password: the signed-in user's current password, checked by the one identity service. */
  async verify(userId: number, password: string): Promise<void> {
    const user = await this.users.findById(userId);
    if (!(await this.passwords.verify(password, user?.passwordHash)) || !user) throw new UnauthorizedException('Wrong password');
  }

  private async issueAndSend(email: string, to: string, userId: number, context: ResetContext): Promise<void> {
    const token = randomBytes(32).toString('base64url');
    const mail = renderResetMail(
      resetLink(this.config.publicOrigins[0], context, token, email),
      this.config.env.PASSWORD_RESET_TTL_MINUTES,
    );
    try {
      await this.resets.store(email, sha256Hex(token));
      await retryWithBackoff(
        () =>
          this.transport.sendMail({
            from: this.mailConfig.MAIL_FROM,
            to,
            ...mail,
            messageId: `<reset-${randomBytes(8).toString('hex')}@commerce.local>`,
          }),
        { attempts: this.mailConfig.MAIL_MAX_ATTEMPTS, baseMs: this.mailConfig.MAIL_RETRY_BASE_MS, sleep: this.sleep },
      );
      this.logger.info({ userId }, 'password reset mail sent');
    } catch (err) {
      this.logger.error({ userId, err: (err as Error)?.message }, 'password reset token/mail failed');
    }
  }
}
