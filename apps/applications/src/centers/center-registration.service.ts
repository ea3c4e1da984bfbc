import type { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import type { z } from 'zod';

import { CenterEstablished, type CenterDto, RegisterExistingCenter } from '@tic/contracts';
import { centerName, type LocalizedText, normalizeField } from '@tic/domain';
import { Clock, Deadlines } from '@tic/deadlines';
import { type Caller, newId, nextEventVersion, requireAccess, RpcFailure, UnitOfWork } from '@tic/platform';

import { regionOf } from '../applications/application-units';
import { Organization } from '../organizations/organization.entity';
import { notAfterToday } from '../revocations/revocation-steps';
import { Center } from './center.entity';
import { assertNameFree, isNameViolation, nameTaken } from './center-name';
import { toCenterDto } from './centers.service';

type RegisterInput = z.output<typeof RegisterExistingCenter.request>;

/**
 * A40: the centers approved under the trial measures of 2019 come under these measures without a new
 * application. DST registers each with its approval document and date; from then on it has the same
 * registry entry, A37 name, events and deadlines (its annual reports, its evaluation cycle from the
 * approval) as a center approved on the platform.
 */
@Injectable()
export class CenterRegistrationService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly clock: Clock,
    private readonly deadlines: Deadlines,
  ) {}

  async register(input: RegisterInput, caller: Caller): Promise<CenterDto> {
    requireAccess(caller, 'center.register_existing', { kind: 'center' });
    const attempted: { name?: LocalizedText } = {};
    try {
      return await this.uow.run(
        RegisterExistingCenter,
        input,
        async (scope) => {
          const approvedOn = notAfterToday(input.approvedOn, 'approvedOn', this.clock.today());
          const units = await registeredUnits(scope.em, input);
          const field = normalizeField(input.field);
          const name = centerName(field);
          attempted.name = name;
          await assertNameFree(scope.em, name);
          const center = scope.em.create(Center, {
            id: newId(),
            nameZh: name.zh,
            nameEn: name.en,
            fieldZh: field.zh,
            fieldEn: field.en,
            status: input.track === 'preparation' ? 'preparing' : 'operating',
            track: input.track,
            approvalDocument: input.approvalDocument,
            supportingUnitId: input.supportingUnitId,
            coBuilderIds: [...input.coBuilderIds],
            constructionUnitId: input.constructionUnitId,
            recommenderId: units.recommenderId,
            regionCode: units.regionCode,
            establishedOn: approvedOn,
          });
          scope.em.persist(center);
          // A12: a center still in preparation keeps its one-year period from the approval, overdue or not.
          const preparation =
            input.track === 'preparation'
              ? await this.deadlines.schedule(scope.em, {
                  kind: 'D-preparation',
                  subjectId: center.id,
                  centerId: center.id,
                  start: approvedOn,
                })
              : null;
          center.preparationDeadlineId = preparation?.id ?? null;
          scope.history(center, {
            aggregateType: 'center',
            action: 'register_existing',
            from: null,
            to: center.status,
            comment: `${input.approvalDocument}（${approvedOn}）`,
            article: '第四十条',
          });
          scope.record(CenterEstablished, {
            subject: center.id,
            aggregateVersion: nextEventVersion(center),
            data: {
              centerId: center.id,
              name,
              approvalDocument: input.approvalDocument,
              field,
              track: center.track,
              status: center.track === 'preparation' ? 'preparing' : 'operating',
              supportingUnitId: center.supportingUnitId,
              coBuilderIds: center.coBuilderIds,
              constructionUnitId: center.constructionUnitId,
              recommenderId: center.recommenderId,
              establishedOn: approvedOn,
              regionCode: center.regionCode,
              ...(preparation === null
                ? {}
                : { preparationEndsOn: preparation.dueOn, preparationEndsOnProvisional: preparation.provisional }),
            },
          });
          return center.id;
        },
        async (em, id) => toCenterDto(await em.getRepository(Center).findOneOrFail({ id }), undefined),
      );
    } catch (error) {
      if (attempted.name !== undefined && isNameViolation(error)) throw nameTaken(attempted.name);
      throw error;
    }
  }
}

/** The units must be registered; the supporting unit brings the recommender (A7) and the region. */
async function registeredUnits(em: EntityManager, input: RegisterInput) {
  const named: [string, string][] = [
    ['supportingUnitId', input.supportingUnitId],
    ['constructionUnitId', input.constructionUnitId],
    ...input.coBuilderIds.map((id, i): [string, string] => [`coBuilderIds.${i}`, id]),
  ];
  const known = new Set(
    (await em.find(Organization, { id: { $in: named.map(([, id]) => id) } }, { fields: ['id'] })).map((o) => o.id),
  );
  const errors = named.flatMap(([path, id]) => (known.has(id) ? [] : [{ path, message: 'no such unit' }]));
  if (errors.length > 0) throw RpcFailure.invalidInput(errors);
  const supportingUnit = await em.findOneOrFail(Organization, { id: input.supportingUnitId });
  if (supportingUnit.recommenderId === null) {
    throw RpcFailure.invalidInput([
      {
        path: 'supportingUnitId',
        message: 'the supporting unit has no recommending unit (A7); DST registers it first',
      },
    ]);
  }
  return { recommenderId: supportingUnit.recommenderId, regionCode: regionOf(supportingUnit) };
}
