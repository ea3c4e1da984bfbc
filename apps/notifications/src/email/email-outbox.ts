import { MikroORM } from '@mikro-orm/postgresql';
import { Inject, Injectable } from '@nestjs/common';

import { newId, PLATFORM_CONFIG } from '@tic/platform';

import type { NotificationsConfig } from '../config';

const EMAILS = '"notifications"."email_message"';
const ATTEMPTS = '"notifications"."email_attempt"';
const MAX_BACKOFF_MS = 3_600_000;

/** An email a replica has claimed to send. */
export interface ClaimedEmail {
  readonly id: string;
  readonly address: string;
  readonly language: string;
  readonly subject: string;
  readonly text: string;
  readonly link: string | null;
  /** This attempt's number (1 for the first). */
  readonly attempts: number;
}

export interface SendOutcome {
  readonly outcome: 'sent' | 'failed';
  readonly response: string | null;
  readonly messageId: string | null;
  readonly error: string | null;
}

/** The email records as the sender claims and settles them, in SQL so that claims are atomic across replicas. */
@Injectable()
export class EmailOutbox {
  constructor(
    private readonly orm: MikroORM,
    @Inject(PLATFORM_CONFIG) private readonly config: NotificationsConfig,
  ) {}

  /** Claims up to `limit` due emails for this replica for one lease; rows another replica holds are skipped. */
  async claim(limit: number): Promise<ClaimedEmail[]> {
    const rows = await this.orm.em
      .fork()
      .getConnection()
      .execute(
        `update ${EMAILS} set lease_until = now() + ? * interval '1 millisecond', attempts = attempts + 1
       where id in (select id from ${EMAILS}
                    where status = 'pending' and next_attempt_at <= now() and (lease_until is null or lease_until < now())
                    order by next_attempt_at limit ? for update skip locked)
       returning id, address, language, subject, text, link, attempts`,
        [this.config.EMAIL_LEASE_MS, limit],
      );
    // A raw query's rows are untyped; these are exactly the columns returned above.
    return rows as unknown as ClaimedEmail[];
  }

  /**
   * Records the attempt and settles the email: sent, due again after a backoff, or failed once the
   * attempts run out. A claim that lapsed and was taken over (attempts moved on) records only its attempt.
   */
  async record(email: ClaimedEmail, result: SendOutcome): Promise<void> {
    const delayMs = Math.min(this.config.EMAIL_RETRY_BASE_MS * 2 ** (email.attempts - 1), MAX_BACKOFF_MS);
    const exhausted = email.attempts >= this.config.EMAIL_MAX_ATTEMPTS;
    await this.orm.em.fork().transactional(async (em) => {
      const connection = em.getConnection();
      await connection.execute(
        `insert into ${ATTEMPTS} (id, email_id, attempt, outcome, response, error, message_id, attempted_at)
         values (?, ?, ?, ?, ?, ?, ?, now())`,
        [newId(), email.id, email.attempts, result.outcome, result.response, result.error, result.messageId],
      );
      await connection.execute(
        `update ${EMAILS} set lease_until = null,
           status = case when ? then 'sent' when ? then 'failed' else 'pending' end,
           sent_at = case when ? then now() else sent_at end,
           message_id = coalesce(?, message_id),
           next_attempt_at = now() + ? * interval '1 millisecond'
         where id = ? and attempts = ? and status = 'pending'`,
        [
          result.outcome === 'sent',
          exhausted,
          result.outcome === 'sent',
          result.messageId,
          delayMs,
          email.id,
          email.attempts,
        ],
      );
    });
  }

  /** How many emails wait to be sent, and how many gave up, for health. */
  async counts(): Promise<{ pending: number; failed: number }> {
    const [row] = await this.orm.em
      .fork()
      .getConnection()
      .execute<{ pending: number; failed: number }[]>(
        `select count(*) filter (where status = 'pending')::int as pending,
              count(*) filter (where status = 'failed')::int as failed from ${EMAILS}`,
      );
    return { pending: row?.pending ?? 0, failed: row?.failed ?? 0 };
  }
}
