import { Type } from 'class-transformer';
import { IsInt, IsString, Max, Min, MinLength } from 'class-validator';

/** Confirmation-email settings (env variables; SMTP_* are shared with .env.example). */
export class MailConfig {
  @IsString() @MinLength(1) SMTP_HOST = '127.0.0.1';
  @Type(() => Number) @IsInt() @Min(1) @Max(65535) SMTP_PORT = 1025;
  @IsString() @MinLength(3) MAIL_FROM = 'Commerce <orders@commerce.local>';
  /** Attempts per email before giving up (1 = no retry). */
  @Type(() => Number) @IsInt() @Min(1) @Max(20) MAIL_MAX_ATTEMPTS = 5;
  /** First retry delay; doubles on every attempt (capped at 30 s). */
  @Type(() => Number) @IsInt() @Min(1) @Max(60_000) MAIL_RETRY_BASE_MS = 500;
}
