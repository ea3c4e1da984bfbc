import { v4 as uuidv4 } from 'uuid';

import { SetEmailSettings } from '@tic/contracts';
import { eventually } from '@tic/testing';

import { CALLERS, ORGS, runningNotifications, sampleEvent } from './harness';
import { SmtpReceiver } from './smtp-receiver';

const receiver = new SmtpReceiver(20_000 + Math.floor(Math.random() * 30_000));
const service = runningNotifications('email', {
  DST_ORGANIZATION_ID: ORGS.dst,
  SMTP_URL: receiver.url,
  EMAIL_POLL_MS: '50',
  EMAIL_RETRY_BASE_MS: '100',
  EMAIL_MAX_ATTEMPTS: '100',
});

const SUPPORTING = ['keji@su.example.cn', 'zhuren@su.example.cn'];
const CONSTRUCTION = 'office@cu.example.cn';
const DST = 'duban@dst.example.cn';

/** The emails of one event's notifications, as the service recorded them. */
async function emailsOf(eventId: string) {
  return service.sql(
    `select m.address, m.status, m.message_id, m.attempts from notifications.email_message m
     join notifications.notification n on n.id = m.notification_id where n.event_id = ? order by m.address`,
    [eventId],
  );
}

async function attemptsOf(eventId: string) {
  return service.sql(
    `select a.outcome, a.response, a.error from notifications.email_attempt a
     join notifications.email_message m on m.id = a.email_id
     join notifications.notification n on n.id = m.notification_id where n.event_id = ? order by a.attempted_at`,
    [eventId],
  );
}

describe('email of notifications (DOMAIN.md §7), through a real SMTP server', () => {
  let centerId = '';

  beforeAll(async () => {
    await receiver.start();
    centerId = await service.newCenter();
    const reminders = ['tic.deadline.reminder'] as const;
    await service.call(
      SetEmailSettings,
      { kinds: [...reminders], addresses: SUPPORTING, language: 'zh' },
      CALLERS.supporting,
    );
    await service.call(
      SetEmailSettings,
      { kinds: ['tic.deadline.reminder', 'tic.deadline.overdue'], addresses: [CONSTRUCTION], language: 'en' },
      CALLERS.construction,
    );
    await service.call(
      SetEmailSettings,
      { kinds: ['tic.deadline.overdue'], addresses: [DST], language: 'both' },
      CALLERS.dst,
    );
  });

  afterAll(() => receiver.stop());

  const reminder = (daysBefore: number) =>
    sampleEvent('tic.deadline.reminder', uuidv4(), { centerId, subjectId: centerId, daysBefore });

  it('sends the kinds each organization chose to its addresses, in its language, and nothing else', async () => {
    const soon = reminder(7);
    const overdue = sampleEvent('tic.deadline.overdue', uuidv4(), {
      centerId,
      subjectId: centerId,
      kind: 'D-annual-report',
    });
    await service.publish([soon, overdue]);
    await service.recorded([soon.id, overdue.id]);
    await eventually(async () => {
      const rows = [...(await emailsOf(soon.id)), ...(await emailsOf(overdue.id))];
      expect(rows.map((row) => row.status)).toEqual(['sent', 'sent', 'sent', 'sent', 'sent']);
    }, 20_000);

    for (const address of SUPPORTING) {
      const [mail, ...more] = receiver.to(address);
      expect(more).toEqual([]);
      expect(mail?.subject).toBe('7天后到期：年度报告提交');
      expect(mail?.text).toContain('2026-03-31');
      expect(mail?.text).toContain(`办理地址: http://127.0.0.1:3000/api/v1/annual-reports?centerId=${centerId}`);
      expect(mail?.text).not.toContain('is due on');
    }
    const construction = receiver.to(CONSTRUCTION).map((mail) => mail.subject);
    expect(construction.sort()).toEqual(['Due in 7 days: the annual report', 'Overdue: the annual report']);
    const [dst, ...moreDst] = receiver.to(DST);
    expect(moreDst).toEqual([]);
    expect(dst?.subject).toBe('已逾期：年度报告提交 / Overdue: the annual report');
    expect(dst?.text).toContain('已过');
    expect(dst?.text).toContain('has not been done');

    const attempts = await attemptsOf(soon.id);
    expect(attempts.map((a) => a.outcome)).toEqual(['sent', 'sent', 'sent']);
    expect(String(attempts[0]?.response)).toMatch(/^250/);
    const recorded = await emailsOf(soon.id);
    expect(recorded.every((row) => typeof row.message_id === 'string' && row.message_id.length > 0)).toBe(true);
  });

  it('retries a server that refuses (451, then 550), records each refusal, and delivers once it accepts', async () => {
    receiver.mode = 'temporary_failure';
    const event = reminder(30);
    await service.publish([event]);
    await service.recorded([event.id]);
    await eventually(async () => {
      const refused = (await attemptsOf(event.id)).filter((a) => String(a.response).startsWith('451'));
      expect(refused.length).toBeGreaterThanOrEqual(3);
    }, 20_000);
    receiver.mode = 'permanent_failure';
    await eventually(async () => {
      expect((await attemptsOf(event.id)).some((a) => String(a.response).startsWith('550'))).toBe(true);
    }, 20_000);
    expect(receiver.to(CONSTRUCTION).filter((mail) => mail.subject.includes('30'))).toEqual([]);

    receiver.mode = 'accept';
    await eventually(async () => {
      expect((await emailsOf(event.id)).map((row) => row.status)).toEqual(['sent', 'sent', 'sent']);
    }, 20_000);
    expect(
      receiver.to(CONSTRUCTION).filter((mail) => mail.subject === 'Due in 30 days: the annual report'),
    ).toHaveLength(1);
    const attempts = await attemptsOf(event.id);
    expect(attempts.filter((a) => a.outcome === 'failed').every((a) => typeof a.error === 'string')).toBe(true);
  });

  it('retries while the server is down and delivers when it is back', async () => {
    await receiver.stop();
    const event = reminder(1);
    await service.publish([event]);
    await service.recorded([event.id]);
    await eventually(async () => {
      const failed = (await attemptsOf(event.id)).filter((a) => a.outcome === 'failed');
      expect(failed.length).toBeGreaterThanOrEqual(3);
      expect(String(failed[0]?.error)).toMatch(/ECONNREFUSED|connect/i);
    }, 20_000);
    expect((await emailsOf(event.id)).map((row) => row.status)).toEqual(['pending', 'pending', 'pending']);

    await receiver.start();
    await eventually(async () => {
      expect((await emailsOf(event.id)).map((row) => row.status)).toEqual(['sent', 'sent', 'sent']);
    }, 20_000);
    expect(receiver.to(SUPPORTING[0] ?? '').filter((mail) => mail.subject === '1天后到期：年度报告提交')).toHaveLength(
      1,
    );
  });
});
