import type { EntityManager } from '@mikro-orm/postgresql';
import type { z } from 'zod';

import type { CreateChange } from '@tic/contracts';
import { centerName, checkCenterField, isCenterClosed, normalizeField, type CenterField } from '@tic/domain';
import { refuse, RpcFailure } from '@tic/platform';

import { assertNameFree } from '../centers/center-name';
import type { Center } from '../centers/center.entity';
import { Organization } from '../organizations/organization.entity';
import type { ChangeRequest } from './change-request.entity';
import { CHANGE_REFUSALS } from './changes.refusals';

type Form = Omit<z.output<typeof CreateChange.request>, 'centerId'>;

/** What a change report records of its form, checked against the center as it stands. */
export type ChangeFields = Pick<
  ChangeRequest,
  'decidedOn' | 'reportRef' | 'description' | 'rename' | 'direction' | 'reorganization'
>;

/** A26: a revoked, terminated or graduated center takes no change request. */
export function assertCenterOpen(center: Center): void {
  if (isCenterClosed(center.status)) {
    throw refuse(CHANGE_REFUSALS.center_closed, { status: center.status }, { rule: 'A26-center-open' });
  }
}

/**
 * A26: the form of a change report, checked: the decision is not dated in the future; a new name or field
 * makes an A37 name (a new name that no other center bears); the units of a reorganization are registered,
 * the supporting unit with its recommending unit (A7); and each kind changes something.
 */
export async function checkedChangeFields(
  em: EntityManager,
  form: Form,
  center: Center,
  today: string,
): Promise<ChangeFields> {
  if (form.decidedOn > today) {
    throw refuse(
      CHANGE_REFUSALS.decided_in_future,
      { today },
      { errors: [{ path: 'decidedOn', message: `after ${today}` }] },
    );
  }
  const rename = form.rename === undefined ? null : await checkedRename(em, form.rename.field, center);
  const direction = form.direction === undefined ? null : checkedField(form.direction.field, 'direction.field');
  if (direction !== null && direction.zh === center.fieldZh && direction.en === center.fieldEn) {
    throw changesNothing('direction.field');
  }
  const reorganization = form.reorganization === undefined ? null : await checkedUnits(em, form.reorganization, center);
  return {
    decidedOn: form.decidedOn,
    reportRef: form.reportRef,
    description: form.description,
    rename,
    direction,
    reorganization,
  };
}

// A37: the field is stored as the names are built from it, without the unified name's fixed words.
function checkedField(field: CenterField, path: string): CenterField {
  const naming = checkCenterField(field);
  if (!naming.passed) {
    throw RpcFailure.of('rule_violation', naming.message, {
      reason: 'rule.violated',
      rule: naming.rule,
      article: naming.article,
      errors: [{ path, message: naming.message.en }],
    });
  }
  return normalizeField(field);
}

async function checkedRename(em: EntityManager, field: CenterField, center: Center): Promise<CenterField> {
  const normalized = checkedField(field, 'rename.field');
  const name = centerName(normalized);
  if (name.zh === center.nameZh && name.en.toLowerCase() === center.nameEn.toLowerCase()) {
    throw changesNothing('rename.field');
  }
  // Told now rather than at DST's approval, which checks again (another center may take the name meanwhile).
  await assertNameFree(em, name, { centerId: center.id, path: 'rename.field' });
  return normalized;
}

async function checkedUnits(
  em: EntityManager,
  units: NonNullable<Form['reorganization']>,
  center: Center,
): Promise<NonNullable<ChangeFields['reorganization']>> {
  const named: [string, string][] = [
    ['reorganization.supportingUnitId', units.supportingUnitId],
    ...units.coBuilderIds.map((id, i): [string, string] => [`reorganization.coBuilderIds.${i}`, id]),
    ...(units.constructionUnitId === undefined
      ? []
      : [['reorganization.constructionUnitId', units.constructionUnitId] as [string, string]]),
  ];
  const organizations = em.getRepository(Organization);
  const known = new Map((await organizations.byIds(named.map(([, id]) => id))).map((o) => [o.id, o]));
  const errors = named.filter(([, id]) => !known.has(id)).map(([path]) => ({ path, message: 'no such unit' }));
  if (errors.length > 0) throw RpcFailure.invalidInput(errors);
  if (known.get(units.supportingUnitId)?.recommenderId == null) {
    throw RpcFailure.invalidInput([
      {
        path: 'reorganization.supportingUnitId',
        message: 'the supporting unit has no recommending unit (A7); DST registers it first',
      },
    ]);
  }
  const constructionUnitId = units.constructionUnitId ?? null;
  const same =
    units.supportingUnitId === center.supportingUnitId &&
    (constructionUnitId === null || constructionUnitId === center.constructionUnitId) &&
    units.coBuilderIds.length === center.coBuilderIds.length &&
    units.coBuilderIds.every((id) => center.coBuilderIds.includes(id));
  if (same) throw changesNothing('reorganization');
  return { supportingUnitId: units.supportingUnitId, coBuilderIds: [...units.coBuilderIds], constructionUnitId };
}

function changesNothing(path: string): RpcFailure {
  return refuse(CHANGE_REFUSALS.changes_nothing, { path }, { errors: [{ path, message: 'the center is so already' }] });
}
