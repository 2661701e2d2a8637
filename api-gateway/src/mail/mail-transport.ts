/** The part of a nodemailer transporter the sender uses (a fake in unit tests). */
export interface MailTransport {
  sendMail(message: {
    from: string;
    to: string;
    subject: string;
    text: string;
    html: string;
    messageId: string;
    headers?: Record<string, string>;
  }): Promise<unknown>;
  close?(): void;
}

export const MAIL_TRANSPORT = Symbol('MAIL_TRANSPORT');

/** Delay function of the retry loop (real timers in production, instant in unit tests). */
export const MAIL_SLEEP = Symbol('MAIL_SLEEP');
export const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
