import type { EntityManager } from '@mikro-orm/postgresql';

import { CenterDirectionChanged, CenterRenamed, CenterUnitsChanged } from '@tic/contracts';
import { centerName, type LocalizedText } from '@tic/domain';
import { type Caller, type CommandScope, eventActor, nextEventVersion } from '@tic/platform';

import { regionOf } from '../applications/application-units';
import { assertNameFree } from '../centers/center-name';
import type { Center } from '../centers/center.entity';
import { Organization } from '../organizations/organization.entity';
import type { CenterBeforeChange, ChangeRequest } from './change-request.entity';

const ARTICLE = '第二十六条';

/**
 * A26: DST files the change and the center takes it: a renaming gives both A37 names anew (the old ones kept
 * in `previousNames`), a change of direction the field, a reorganization the units (and with a new supporting
 * unit its recommending unit and region). Each kind is told as its event and kept in the center's history.
 * `attempted` receives the name tried, to word the refusal should a concurrent approval take it first.
 */
export async function fileChange(
  scope: CommandScope,
  change: ChangeRequest,
  center: Center,
  caller: Caller,
  filedOn: string,
  attempted: { name?: LocalizedText },
): Promise<void> {
  const { em } = scope;
  const before = snapshot(center);
  const changeRef = { changeId: change.id, decidedOn: change.decidedOn, filedOn, actor: eventActor(caller) };
  const told = (what: string): void => {
    scope.history(center, { aggregateType: 'center', action: `change.${what}`, comment: change.id, article: ARTICLE });
  };

  if (change.rename !== null) {
    const name = centerName(change.rename);
    attempted.name = name;
    await assertNameFree(em, name, { centerId: center.id, path: 'rename.field' });
    center.previousNames = [...center.previousNames, { name: before.name, until: filedOn, changeId: change.id }];
    center.nameZh = name.zh;
    center.nameEn = name.en;
    told('rename');
    scope.record(CenterRenamed, {
      subject: center.id,
      aggregateVersion: nextEventVersion(center),
      data: { centerId: center.id, name, previousName: before.name, ...changeRef },
    });
  }
  const name = { zh: center.nameZh, en: center.nameEn };
  if (change.direction !== null) {
    center.fieldZh = change.direction.zh;
    center.fieldEn = change.direction.en;
    told('direction');
    scope.record(CenterDirectionChanged, {
      subject: center.id,
      aggregateVersion: nextEventVersion(center),
      data: { centerId: center.id, name, previousField: before.field, field: change.direction, ...changeRef },
    });
  }
  if (change.reorganization !== null) {
    await reorganize(em, center, change.reorganization);
    told('reorganization');
    scope.record(CenterUnitsChanged, {
      subject: center.id,
      aggregateVersion: nextEventVersion(center),
      data: { centerId: center.id, name, ...snapshot(center).units, previous: before.units, ...changeRef },
    });
  }
  change.previous = before;
  change.filedOn = filedOn;
}

async function reorganize(
  em: EntityManager,
  center: Center,
  units: NonNullable<ChangeRequest['reorganization']>,
): Promise<void> {
  if (units.supportingUnitId !== center.supportingUnitId) {
    // A7: the recommending unit is the supporting unit's; the region is its domicile's (A12(一)).
    const supportingUnit = await em.getRepository(Organization).findOneOrFail({ id: units.supportingUnitId });
    center.supportingUnitId = supportingUnit.id;
    center.recommenderId = supportingUnit.recommenderId ?? center.recommenderId;
    center.regionCode = regionOf(supportingUnit);
  }
  center.coBuilderIds = [...units.coBuilderIds];
  if (units.constructionUnitId !== null) center.constructionUnitId = units.constructionUnitId;
}

function snapshot(center: Center): CenterBeforeChange {
  return {
    name: { zh: center.nameZh, en: center.nameEn },
    field: { zh: center.fieldZh, en: center.fieldEn },
    units: {
      supportingUnitId: center.supportingUnitId,
      coBuilderIds: [...center.coBuilderIds],
      constructionUnitId: center.constructionUnitId,
      recommenderId: center.recommenderId,
    },
  };
}
