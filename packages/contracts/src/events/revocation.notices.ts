import { notice, type NoticeTemplates } from '../notices/notice';

type Told =
  | 'tic.revocation.proposed'
  | 'tic.revocation.opened'
  | 'tic.revocation.answered'
  | 'tic.revocation.dismissed'
  | 'tic.revocation.closed';

const at = (caseId: string) => `/revocations/${caseId}`;

/** A31: what a revocation case tells the center's units, and DST where the case waits on it. */
export const REVOCATION_NOTICES: NoticeTemplates<Told> = {
  'tic.revocation.proposed': (d) =>
    notice(
      [`拟撤销：${d.name.zh}`, `Revocation proposed: ${d.name.en}`],
      [
        `因${d.cause}，拟对该中心撤销（第三十一条），待省科技厅确认或因正当理由驳回。`,
        `Because ${d.cause}, revoking the center is proposed (A31); DST confirms it or dismisses it for a good reason.`,
      ],
      at(d.caseId),
    ),
  'tic.revocation.opened': (d) =>
    notice(
      [`撤销立案：${d.name.zh}`, `Revocation case opened: ${d.name.en}`],
      [
        `省科技厅已对该中心撤销立案，请依托单位于${d.answerBy}前提交书面答复（第三十一条）。`,
        `DST opened a revocation case against the center: the supporting unit answers in writing by ${d.answerBy} (A31).`,
      ],
      at(d.caseId),
    ),
  'tic.revocation.answered': (d) =>
    notice(
      [`撤销案件已答复：${d.name.zh}`, `Revocation case answered: ${d.name.en}`],
      [
        `依托单位已于${d.answeredOn}答复，请省科技厅作出决定（第三十一条）。`,
        `The supporting unit answered on ${d.answeredOn}: DST decides the case (A31).`,
      ],
      at(d.caseId),
    ),
  'tic.revocation.dismissed': (d) =>
    notice(
      [`撤销建议已驳回：${d.name.zh}`, `Revocation proposal dismissed: ${d.name.en}`],
      [`省科技厅认可正当理由，不予撤销：${d.reason}`, `DST accepted a good reason and does not revoke: ${d.reason}`],
      at(d.caseId),
    ),
  'tic.revocation.closed': (d) =>
    notice(
      [`撤销案件已结案：${d.name.zh}`, `Revocation case closed: ${d.name.en}`],
      [`省科技厅结案，不予撤销：${d.reason}`, `DST closed the case without revoking the center: ${d.reason}`],
      at(d.caseId),
    ),
};
