import { DEADLINE_KIND_IDS } from '@tic/domain';

import { EVENT_DATA_FIXTURES } from '../fixtures';
import type { NoticeTemplate } from './notice';
import { NOTICE_TEMPLATES, type NoticeType } from './notice-catalogue';

const SUBJECT = '0192f6a0-7c1e-7d2a-9b3c-0000000000ff';
const types = Object.keys(NOTICE_TEMPLATES).sort() as NoticeType[];

function render(type: NoticeType, data: unknown = EVENT_DATA_FIXTURES[type]) {
  return (NOTICE_TEMPLATES[type] as NoticeTemplate<NoticeType>)(data as never, SUBJECT);
}

describe('notice templates (DOMAIN.md §7), rendered with the catalogue’s sample data', () => {
  it.each(types)('%s: says what happened and what to do next in Chinese and English, and where', (type) => {
    const notice = render(type);
    for (const text of [notice.title.zh, notice.title.en, notice.body.zh, notice.body.en]) {
      expect(text.trim().length).toBeGreaterThan(0);
      expect(text).not.toMatch(/undefined|null|\[object Object\]/);
    }
    expect(notice.title.zh).toMatch(/\p{Script=Han}/u);
    expect(notice.body.zh).toMatch(/\p{Script=Han}/u);
    // An English text may quote a name in Chinese (a person, a platform), never be the Chinese text.
    expect(notice.title.en).toMatch(/[A-Za-z]{3}/);
    expect(notice.body.en).toMatch(/[A-Za-z]{3}/);
    expect(notice.body.en).not.toBe(notice.body.zh);
    expect(notice.link).toMatch(/^\/api\/v1\/[a-z-]+(\/[0-9a-f-]{36})?([/?][\w/=-]*)?$/);
  });

  it('writes funds in 元 from whole fen by integer arithmetic, and tells DST a self-evaluation awaits its rating', () => {
    const closed = render('tic.funding.year_closed', {
      ...EVENT_DATA_FIXTURES['tic.funding.year_closed'],
      balanceFen: 999_999_999_999_999,
    });
    expect(closed.body.zh).toContain('结余9999999999999.99元');
    const misuse = render('tic.funding.misuse_found', {
      ...EVENT_DATA_FIXTURES['tic.funding.misuse_found'],
      amountFen: 5,
      recoverFen: 0,
    });
    expect(misuse.body.zh).toContain('资金0.05元');
    expect(misuse.body.en).toContain('CNY 0.00 is to be recovered');
    const evaluated = render('tic.funding.self_evaluated');
    expect(evaluated.body.zh).toContain('3项绩效目标中达到2项');
    expect(evaluated.body.en).toContain('DST is to rate');
  });

  it('links an annual report’s review to the report', () => {
    expect(render('tic.report.submitted').link).toBe(
      `/api/v1/annual-reports/${EVENT_DATA_FIXTURES['tic.report.submitted'].reportId}`,
    );
  });

  it('names the days left in a reminder and the due date', () => {
    const notice = render('tic.deadline.reminder', { ...EVENT_DATA_FIXTURES['tic.deadline.reminder'], daysBefore: 30 });
    expect(notice.title.zh).toContain('30天');
    expect(notice.title.en).toContain('30 days');
    expect(notice.body.en).toContain(EVENT_DATA_FIXTURES['tic.deadline.reminder'].dueOn);
  });

  it.each(DEADLINE_KIND_IDS)('%s: reminder and overdue notices render and link', (kind) => {
    for (const type of ['tic.deadline.reminder', 'tic.deadline.overdue'] as const) {
      const notice = render(type, { ...EVENT_DATA_FIXTURES[type], kind });
      expect(notice.link).toMatch(/^\/api\/v1\//);
      expect(notice.body.en).not.toContain('undefined');
    }
  });

  it('says when a due date is provisional (the year’s holidays are not published)', () => {
    const notice = render('tic.deadline.reminder', {
      ...EVENT_DATA_FIXTURES['tic.deadline.reminder'],
      provisional: true,
    });
    expect(notice.body.zh).toContain('暂定');
    expect(notice.body.en).toContain('provisional');
  });
});
