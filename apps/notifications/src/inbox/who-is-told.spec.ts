import { type EventData, EVENT_DEFINITIONS, type EventType, NOTICE_TEMPLATES, type TicEvent } from '@tic/contracts';
import { EVENT_DATA_FIXTURES } from '@tic/contracts/fixtures';

import { type CenterUnits, type Recipient, recipientsOf, WHO_IS_TOLD } from './who-is-told';

const CENTER: CenterUnits = {
  supportingUnitId: 'su',
  constructionUnitId: 'cu',
  recommenderId: 'rec',
  coBuilderIds: ['co'],
};

function eventOf<T extends EventType>(type: T, data: Partial<EventData<T>> = {}): TicEvent {
  return { type, subject: 's', id: 'e', data: { ...EVENT_DATA_FIXTURES[type], ...data } } as unknown as TicEvent;
}

// The fixtures name their own units; these read them back so that each row says who in words.
const app = EVENT_DATA_FIXTURES['tic.application.submitted'];
const names = (recipients: readonly Recipient[]) =>
  recipients.map((r) => {
    if ('dst' in r) return 'DST';
    const byId: Record<string, string> = {
      [app.supportingUnitId]: 'supporting',
      [app.constructionUnitId]: 'construction',
      [app.recommenderId]: 'recommender',
      su: 'supporting',
      cu: 'construction',
      rec: 'recommender',
      co: 'co-builder',
    };
    for (const id of app.coBuilderIds) byId[id] = 'co-builder';
    return byId[r.organizationId] ?? r.organizationId;
  });

const told = (type: EventType, data: object = {}) => names(recipientsOf(eventOf(type, data), CENTER));

describe('who is told of what (DOMAIN.md §7)', () => {
  it.each([
    ['A13(一): a submitted application waits on its supporting unit', 'tic.application.submitted', ['supporting']],
    [
      'A13(二): passed by the supporting unit, it waits on the recommender',
      'tic.application.supporting_review_passed',
      ['recommender'],
    ],
    ['A13(三): recommended, it waits on DST’s formal review', 'tic.application.recommended', ['DST']],
    ['A13(三): after the formal review DST organizes the experts', 'tic.application.formal_review_passed', ['DST']],
    ['A13: a returned application waits on its construction unit', 'tic.application.returned', ['construction']],
    ['A13: a rejection concerns the applicants', 'tic.application.rejected', ['construction', 'supporting']],
    [
      'A13(四): an objection waits on DST and concerns the applicants',
      'tic.application.objection_filed',
      ['DST', 'construction', 'supporting'],
    ],
    ['A27: a submitted annual report waits on the supporting unit', 'tic.report.submitted', ['supporting']],
    [
      'A27, A31(三): an overdue report concerns DST and the units',
      'tic.report.overdue',
      ['DST', 'supporting', 'construction'],
    ],
    [
      'A30: a grade concerns the units and their recommender',
      'tic.evaluation.graded',
      ['supporting', 'construction', 'recommender'],
    ],
    [
      'A30: a rectification concerns the units and their recommender',
      'tic.rectification.started',
      ['supporting', 'construction', 'recommender'],
    ],
    [
      'A31: an opened case is answered by the units',
      'tic.revocation.opened',
      ['supporting', 'construction', 'recommender', 'co-builder'],
    ],
    ['A31: an answered case waits on DST', 'tic.revocation.answered', ['DST']],
    ['§5: a reminder goes to the center’s units', 'tic.deadline.reminder', ['supporting', 'construction']],
    ['§5, §7: an overdue deadline also goes to DST', 'tic.deadline.overdue', ['DST', 'supporting', 'construction']],
    [
      'A15: a director’s filing reaches DST and the recommender',
      'tic.personnel.director_changed',
      ['DST', 'recommender'],
    ],
  ] as const)('%s', (_, type, expected) => {
    expect(told(type)).toEqual(expected);
  });

  it.each([1, 7, 30])('§5: a reminder %i days before tells the units the same way', (daysBefore) => {
    expect(told('tic.deadline.reminder', { daysBefore })).toEqual(['supporting', 'construction']);
  });

  it('§5: a deadline of no center (a public notice) tells nobody but DST when it is overdue', () => {
    const overdue = eventOf('tic.deadline.overdue', { kind: 'D-public-notice' });
    expect(names(recipientsOf(overdue, null))).toEqual(['DST']);
    expect(recipientsOf(eventOf('tic.deadline.reminder'), null)).toEqual([]);
  });

  it('tells an organization once even when it holds two roles of a center', () => {
    const sameUnit = { ...CENTER, constructionUnitId: 'su' };
    expect(names(recipientsOf(eventOf('tic.evaluation.graded'), sameUnit))).toEqual(['supporting', 'recommender']);
  });

  it('tells nobody of events that wait on no one (the registry, the calendar, a filing)', () => {
    for (const type of ['tic.organization.registered', 'tic.calendar.year_published', 'tic.center.filed'] as const) {
      expect(recipientsOf(eventOf(type), CENTER)).toEqual([]);
    }
  });

  it('decides every event type of the catalogue, and each told one has a notice template', () => {
    for (const { type } of EVENT_DEFINITIONS) {
      expect(type in WHO_IS_TOLD).toBe(true);
      if (WHO_IS_TOLD[type] !== null) expect(type in NOTICE_TEMPLATES).toBe(true);
    }
  });
});
