import {
  type BeforeApplicationShutdown,
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import { createTransport, type Transporter } from 'nodemailer';

import { PLATFORM_CONFIG } from '@tic/platform';

import type { NotificationsConfig } from '../config';
import { type ClaimedEmail, EmailOutbox, type SendOutcome } from './email-outbox';
import { withLink } from './email-composition';

/**
 * Sends the recorded emails through SMTP. Each replica claims due emails with `FOR UPDATE SKIP LOCKED`
 * and a lease, so replicas never send one email at once and a crashed replica's claim lapses. Every
 * attempt is recorded; a refusal (4xx or 5xx) or an unreachable server is retried with backoff.
 */
@Injectable()
export class EmailSender implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(EmailSender.name);
  private readonly transporter: Transporter | null;
  private loop: Promise<void> | undefined;
  private stopped = false;
  private wake: (() => void) | undefined;

  constructor(
    private readonly outbox: EmailOutbox,
    @Inject(PLATFORM_CONFIG) private readonly config: NotificationsConfig,
  ) {
    this.transporter =
      config.SMTP_URL === undefined ? null : createTransport(config.SMTP_URL, { from: config.MAIL_FROM });
  }

  /** Whether emails go out, or are only recorded (no SMTP_URL). */
  get sending(): boolean {
    return this.transporter !== null;
  }

  onApplicationBootstrap(): void {
    if (this.transporter === null) {
      this.logger.warn('SMTP_URL is not set: emails are recorded, not sent');
      return;
    }
    this.loop = this.run();
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.stopped = true;
    this.wake?.();
    await this.loop;
    this.transporter?.close();
  }

  private async run(): Promise<void> {
    while (!this.stopped) {
      let sent = 0;
      try {
        sent = await this.sendDue();
      } catch (error) {
        this.logger.warn(`email: ${describe(error)}; retrying`);
      }
      if (sent === 0) await this.pause(this.config.EMAIL_POLL_MS);
    }
  }

  /** Sends the emails due now; returns how many it tried. Public for tests and operators. */
  async sendDue(): Promise<number> {
    if (this.transporter === null) return 0;
    const claimed = await this.outbox.claim(10);
    for (const email of claimed) await this.outbox.record(email, await this.send(this.transporter, email));
    return claimed.length;
  }

  private async send(transporter: Transporter, email: ClaimedEmail): Promise<SendOutcome> {
    const url = email.link === null ? null : new URL(email.link, this.config.PLATFORM_URL).toString();
    try {
      const info = (await transporter.sendMail({
        to: email.address,
        subject: email.subject,
        text: withLink(email.language, email.text, url),
        headers: { 'X-TIC-Email-Id': email.id },
      })) as { response?: string; messageId?: string };
      return { outcome: 'sent', response: info.response ?? null, messageId: info.messageId ?? null, error: null };
    } catch (error) {
      const response = (error as { response?: unknown }).response;
      return {
        outcome: 'failed',
        response: typeof response === 'string' ? response : null,
        messageId: null,
        error: describe(error),
      };
    }
  }

  private pause(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(resolve, ms);
      this.wake = () => {
        clearTimeout(timer);
        resolve();
      };
    });
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
