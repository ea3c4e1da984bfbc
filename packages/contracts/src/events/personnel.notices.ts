import { notice, type NoticeTemplates } from '../notices/notice';

/** A15, A18: a director's filing reaches its recipients; a duplicate fixed staff member is the center's to resolve. */
export const PERSONNEL_NOTICES: NoticeTemplates<'tic.personnel.director_changed' | 'tic.personnel.duplicate_found'> = {
  'tic.personnel.director_changed': (d) =>
    notice(
      ['中心主任聘任备案', 'Director appointment filed'],
      d.change === 'ended_without_successor'
        ? [
            `${d.directorName}的主任职务已结束，暂无继任（${d.decidedOn}决定，第十五条）。`,
            `${d.directorName}’s term as director ended without a successor (decided ${d.decidedOn}, A15).`,
          ]
        : [
            `依托单位聘任${d.directorName}为中心主任（${d.decidedOn}决定，${d.filedOn}备案${d.filedWithinPeriod ? '' : '，已超过30个工作日'}，第十五条）。`,
            `The supporting unit appointed ${d.directorName} director (decided ${d.decidedOn}, filed ${d.filedOn}${d.filedWithinPeriod ? '' : ', later than 30 working days'}, A15).`,
          ],
      `/appointments/${d.appointmentId}`,
    ),
  'tic.personnel.duplicate_found': (d) =>
    notice(
      [`人员查重：${d.personName}`, `Duplicate fixed staff: ${d.personName}`],
      [
        `${d.personName}同时是“${d.conflictingPlatformName}”的固定人员（自${d.conflictingSince}）；固定人员原则上只在一个省级平台任职（第十八条）。`,
        `${d.personName} is also fixed staff of “${d.conflictingPlatformName}” (since ${d.conflictingSince}); a fixed staff member serves one provincial platform (A18).`,
      ],
      `/people/${d.personId}`,
    ),
};
