import type { EntityManager } from '@mikro-orm/postgresql';
import { Inject, Injectable } from '@nestjs/common';

import { NOTICE_TEMPLATES, type NoticeTemplate, type NoticeType } from '@tic/contracts';
import { PLATFORM_CONFIG } from '@tic/platform';

import type { NotificationsConfig } from '../config';
import type { FeedListener, RecordedEvent } from '../feed/feed-listener';
import { notify } from './notify';
import { recipientsOf } from './who-is-told';

/** DOMAIN.md §7: tells the organizations an event waits on or concerns, in the transaction that recorded it. */
@Injectable()
export class InboxListener implements FeedListener {
  readonly name = 'inbox';

  constructor(@Inject(PLATFORM_CONFIG) private readonly config: NotificationsConfig) {}

  async onRecorded(em: EntityManager, events: readonly RecordedEvent[]): Promise<void> {
    for (const recorded of events) await this.tell(em, recorded);
  }

  private async tell(em: EntityManager, { event, center, centerId }: RecordedEvent): Promise<void> {
    const recipients = recipientsOf(event, center);
    if (recipients.length === 0) return;
    // The rule table admits a recipient only for a type with a template (WhoIsToldTable).
    const template = NOTICE_TEMPLATES[event.type as NoticeType] as NoticeTemplate<NoticeType>;
    const notice = template(event.data as never, event.subject);
    const organizations = new Set(
      recipients.map((recipient) => ('dst' in recipient ? this.config.DST_ORGANIZATION_ID : recipient.organizationId)),
    );
    for (const organizationId of organizations) {
      await notify(em, {
        organizationId,
        kind: event.type,
        eventId: event.id,
        ...(centerId === null ? {} : { centerId }),
        title: notice.title,
        body: notice.body,
        link: notice.link,
      });
    }
  }
}
