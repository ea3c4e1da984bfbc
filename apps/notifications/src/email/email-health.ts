import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';

import { type HealthCheck, HealthService, PLATFORM_CONFIG } from '@tic/platform';

import type { NotificationsConfig } from '../config';
import { EmailOutbox } from './email-outbox';
import { EmailSender } from './email-sender';

/** Health says whether emails go out and how many wait; an unset SMTP_URL is a mode, not a failure. */
@Injectable()
export class EmailHealth implements HealthCheck, OnModuleInit {
  readonly name = 'smtp';

  constructor(
    private readonly health: HealthService,
    private readonly sender: EmailSender,
    private readonly outbox: EmailOutbox,
    @Inject(PLATFORM_CONFIG) private readonly config: NotificationsConfig,
  ) {}

  onModuleInit(): void {
    this.health.register(this);
  }

  async check(): Promise<string> {
    const { pending, failed } = await this.outbox.counts();
    if (!this.sender.sending) return `SMTP_URL is not set: emails are recorded, not sent (${pending} recorded)`;
    // The URL may carry credentials: only its host is shown.
    const server = new URL(this.config.SMTP_URL ?? '').host;
    return `sending through ${server}: ${pending} pending, ${failed} failed`;
  }
}
