import { v4 as uuidv4 } from 'uuid';

import {
  CountUnread,
  GetEmailSettings,
  healthRpc,
  ListInbox,
  MarkAllNotificationsRead,
  MarkNotificationRead,
  SetEmailSettings,
  type TicEvent,
} from '@tic/contracts';

import { EmailOutbox } from '../src/email/email-outbox';
import { CALLERS, ORGS, refusal, runningNotifications, sampleEvent } from './harness';

// No SMTP_URL: the service records emails and does not send them.
const service = runningNotifications('inbox', { DST_ORGANIZATION_ID: ORGS.dst });

const kinds = async (caller: (typeof CALLERS)[keyof typeof CALLERS]) =>
  (await service.call(ListInbox, { limit: 200 }, caller)).items.map((item) => item.kind).sort();

describe('the inbox (DOMAIN.md §7): each organization reads its own messages', () => {
  let centerId = '';
  let events: TicEvent[] = [];
  const application = uuidv4();

  beforeAll(async () => {
    await service.call(
      SetEmailSettings,
      { kinds: ['tic.application.submitted'], addresses: ['keji@su.example.cn'], language: 'zh' },
      CALLERS.supporting,
    );
    centerId = await service.newCenter();
    events = [
      sampleEvent('tic.application.submitted', application, {
        applicationId: application,
        supportingUnitId: ORGS.supporting,
        constructionUnitId: ORGS.construction,
        recommenderId: ORGS.recommender,
      }),
      sampleEvent('tic.deadline.reminder', uuidv4(), { centerId, subjectId: centerId, daysBefore: 30 }),
      sampleEvent('tic.deadline.overdue', uuidv4(), { centerId, subjectId: centerId, kind: 'D-annual-report' }),
    ];
    await service.publish(events);
    await service.recorded(events.map((event) => event.id));
  });

  it('tells the next reviewer, the center’s units of its deadlines and DST of what is overdue', async () => {
    expect(await kinds(CALLERS.supporting)).toEqual([
      'tic.application.submitted',
      'tic.deadline.overdue',
      'tic.deadline.reminder',
    ]);
    expect(await kinds(CALLERS.construction)).toEqual(['tic.deadline.overdue', 'tic.deadline.reminder']);
    expect(await kinds(CALLERS.dst)).toEqual(['tic.deadline.overdue']);
    expect(await kinds(CALLERS.recommender)).toEqual([]);
    expect(await kinds(CALLERS.otherSupporting)).toEqual([]);
    expect(await kinds(CALLERS.agency)).toEqual([]);
  });

  it('says what to do next and where, in Chinese and English', async () => {
    const page = await service.call(ListInbox, {}, CALLERS.supporting);
    const submitted = page.items.find((item) => item.kind === 'tic.application.submitted');
    expect(submitted).toMatchObject({
      link: `/api/v1/applications/${application}`,
      eventId: events[0]?.id,
      readAt: null,
    });
    expect(submitted?.title.zh).toContain('待审核');
    expect(submitted?.body.en).toContain('review it');
  });

  it('counts unread messages, marks one read, filters unread, and pages newest first', async () => {
    expect(await service.call(CountUnread, {}, CALLERS.construction)).toEqual({ unread: 2 });
    const [newest, older] = (await service.call(ListInbox, {}, CALLERS.construction)).items;
    expect(newest?.kind).toBe('tic.deadline.overdue');
    const read = await service.call(MarkNotificationRead, { id: newest?.id ?? '' }, CALLERS.construction);
    expect(read.readAt).not.toBeNull();
    const again = await service.call(MarkNotificationRead, { id: newest?.id ?? '' }, CALLERS.construction);
    expect(again.readAt).toBe(read.readAt);
    expect(await service.call(CountUnread, {}, CALLERS.construction)).toEqual({ unread: 1 });
    const unread = await service.call(ListInbox, { unread: 'true' }, CALLERS.construction);
    expect(unread.items.map((item) => item.id)).toEqual([older?.id]);

    const first = await service.call(ListInbox, { limit: 1 }, CALLERS.construction);
    expect(first.items.map((item) => item.id)).toEqual([newest?.id]);
    const second = await service.call(ListInbox, { limit: 1, cursor: first.nextCursor }, CALLERS.construction);
    expect(second.items.map((item) => item.id)).toEqual([older?.id]);
    expect(second.nextCursor).toBeUndefined();
  });

  it('refuses another organization’s message as not found and leaves it unread', async () => {
    const [message] = (await service.call(ListInbox, {}, CALLERS.supporting)).items;
    for (const caller of [CALLERS.otherSupporting, CALLERS.dst, CALLERS.construction, CALLERS.agency]) {
      const refused = await refusal(service.call(MarkNotificationRead, { id: message?.id ?? '' }, caller));
      expect(refused).toMatchObject({ code: 'not_found', reason: 'notification.not_found' });
    }
    const missing = await refusal(service.call(MarkNotificationRead, { id: uuidv4() }, CALLERS.supporting));
    expect(missing).toMatchObject({ code: 'not_found', reason: 'notification.not_found' });
    expect(await service.call(CountUnread, {}, CALLERS.supporting)).toEqual({ unread: 3 });
  });

  it('marks all of its own organization’s messages read, and no other’s', async () => {
    expect(await service.call(MarkAllNotificationsRead, {}, CALLERS.supporting)).toEqual({ marked: 3 });
    expect(await service.call(CountUnread, {}, CALLERS.supporting)).toEqual({ unread: 0 });
    expect(await service.call(CountUnread, {}, CALLERS.dst)).toEqual({ unread: 1 });
    expect((await service.call(ListInbox, { unread: true }, CALLERS.supporting)).items).toEqual([]);
  });

  it('refuses a malformed id naming the field', async () => {
    const refused = await refusal(service.call(MarkNotificationRead, { id: 'x' }, CALLERS.supporting));
    expect(refused.code).toBe('invalid_input');
    expect(refused.errors?.[0]?.path).toBe('id');
  });
});

describe('email settings (DOMAIN.md §7): each organization’s own', () => {
  it('reads and sets its own choices; another organization’s stay apart', async () => {
    expect(await service.call(GetEmailSettings, {}, CALLERS.recommender)).toEqual({
      kinds: [],
      addresses: [],
      language: 'zh',
      updatedAt: null,
    });
    const set = await service.call(
      SetEmailSettings,
      {
        kinds: ['tic.deadline.overdue', 'tic.application.supporting_review_passed'],
        addresses: ['Ke@rec.example.cn', 'ke@rec.example.cn'],
        language: 'both',
      },
      CALLERS.recommender,
    );
    expect(set).toMatchObject({
      kinds: ['tic.application.supporting_review_passed', 'tic.deadline.overdue'],
      addresses: ['ke@rec.example.cn'],
      language: 'both',
    });
    expect(await service.call(GetEmailSettings, {}, CALLERS.recommender)).toEqual(set);
    expect((await service.call(GetEmailSettings, {}, CALLERS.otherSupporting)).addresses).toEqual([]);
  });

  it('refuses a bad address, an unknown kind and an unknown language, naming the field', async () => {
    const cases = [
      [{ kinds: [], addresses: ['not-an-address'], language: 'zh' }, 'addresses.0'],
      [{ kinds: ['tic.center.established'], addresses: [], language: 'zh' }, 'kinds.0'],
      [{ kinds: [], addresses: [], language: 'fr' }, 'language'],
    ] as const;
    for (const [input, path] of cases) {
      const refused = await refusal(service.call(SetEmailSettings, input as never, CALLERS.supporting));
      expect(refused.code).toBe('invalid_input');
      expect(refused.errors?.map((error) => error.path)).toContain(path);
    }
    expect((await service.call(GetEmailSettings, {}, CALLERS.supporting)).addresses).toEqual(['keji@su.example.cn']);
  });

  it('records the chosen emails without an SMTP server, and health says they are not sent', async () => {
    const rows = await service.sql(
      `select m.address, m.status, m.subject from notifications.email_message m where m.organization_id = ?`,
      [ORGS.supporting],
    );
    expect(rows).toEqual([
      { address: 'keji@su.example.cn', status: 'pending', subject: expect.stringContaining('待审核') },
    ]);
    const health = await service.call(healthRpc('notifications'), {});
    expect(health.dependencies.smtp).toEqual({
      status: 'up',
      detail: 'SMTP_URL is not set: emails are recorded, not sent (1 recorded)',
    });
  });

  it('lets one replica at a time claim a recorded email: concurrent claims split it, a held lease keeps it', async () => {
    // Two replicas' outboxes are two claims on one database; this process has one, called twice at once.
    const outbox = service.app.get(EmailOutbox);
    const [first, second] = await Promise.all([outbox.claim(10), outbox.claim(10)]);
    expect([...(first ?? []), ...(second ?? [])].map((email) => email.address)).toEqual(['keji@su.example.cn']);
    expect(await outbox.claim(10)).toEqual([]);
  });
});
