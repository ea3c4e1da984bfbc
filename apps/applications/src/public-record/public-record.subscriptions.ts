import type { EntityManager } from '@mikro-orm/postgresql';

import type { AnnouncementDto } from '@tic/contracts';
import { defineSubscription, EventNotYetKnownError, type EventSubscription } from '@tic/platform';

import { Center } from '../centers/center.entity';
import { Organization } from '../organizations/organization.entity';
import { Announcement } from './announcement.entity';

type Written = Pick<AnnouncementDto, 'id' | 'kind' | 'centerId' | 'centerName' | 'title' | 'announcedOn' | 'details'>;

/**
 * The public record's announcements (公告) of approvals and revocations, from the center events this
 * service itself publishes: what is announced is what was committed, and a replay rebuilds it.
 */
export function centerAnnouncementsSubscription(): EventSubscription {
  return defineSubscription({
    name: 'public-record-center',
    aggregate: 'center',
    on: {
      // A13(四): the approval created the center; the approval notice names its supporting unit.
      'tic.center.established': async (em, { id, data }) => {
        const unit = await em.findOne(Organization, data.supportingUnitId);
        await announce(em, {
          id,
          kind: 'approval',
          centerId: data.centerId,
          centerName: data.name,
          title: `关于批准建设${data.name.zh}的公告`,
          announcedOn: data.establishedOn,
          details: {
            field: data.field,
            supportingUnit: unit?.name ?? '',
            track: data.track,
            establishedOn: data.establishedOn,
          },
        });
      },
      // A31: the revocation decision. The revocation workflow may carry several grounds (`grounds`) where it
      // carried one (`ground`): either is read.
      'tic.center.revoked': async (em, { id, data }) => {
        const carried = data as { ground?: number; grounds?: number[] };
        await announce(em, {
          id,
          kind: 'revocation',
          centerId: data.centerId,
          centerName: data.name,
          title: `关于撤销${data.name.zh}的决定`,
          announcedOn: data.revokedOn,
          details: {
            grounds: carried.grounds ?? (carried.ground === undefined ? [] : [carried.ground]),
            article: data.article,
            reason: data.reason,
            revokedOn: data.revokedOn,
          },
        });
      },
      'tic.center.filed': 'ignore',
      'tic.center.renamed': 'ignore',
      'tic.center.direction_changed': 'ignore',
      // A26: a reorganization is filed with DST, not announced.
      'tic.center.units_changed': 'ignore',
      'tic.center.status_changed': 'ignore',
      'tic.center.graduated': 'ignore',
      'tic.center.preparation_overdue': 'ignore',
    },
  });
}

/** Evaluation results (A28–A30) from the evaluations service: DOMAIN.md §7, the center's name and grade only. */
export function evaluationAnnouncementsSubscription(): EventSubscription {
  return defineSubscription({
    name: 'public-record-evaluation',
    aggregate: 'evaluation',
    on: {
      'tic.evaluation.graded': async (em, { id, data }) => {
        const center = await em.findOne(Center, data.centerId);
        if (center === null) throw new EventNotYetKnownError(`center ${data.centerId} is not known yet`);
        await announce(em, {
          id,
          kind: 'evaluation_result',
          centerId: center.id,
          centerName: { zh: center.nameZh, en: center.nameEn },
          title: `${center.nameZh}评估结果公告`,
          announcedOn: data.gradedOn,
          details: { grade: data.grade, gradedOn: data.gradedOn, roundId: data.roundId },
        });
      },
      // A31(四): a center that did not take part is a revocation matter, not a result to announce.
      'tic.evaluation.not_participated': 'ignore',
      'tic.evaluation.preparation_concluded': 'ignore',
      'tic.evaluation.policy_support_proposed': 'ignore',
    },
  });
}

/** Writes the announcement once: a redelivered event finds it by its id and adds nothing. */
async function announce(em: EntityManager, written: Written): Promise<void> {
  if (await em.findOne(Announcement, written.id)) return;
  em.persist(
    em.create(Announcement, {
      id: written.id,
      kind: written.kind,
      centerId: written.centerId,
      centerNameZh: written.centerName.zh,
      centerNameEn: written.centerName.en,
      title: written.title,
      announcedOn: written.announcedOn,
      year: Number(written.announcedOn.slice(0, 4)),
      details: written.details,
    }),
  );
}
