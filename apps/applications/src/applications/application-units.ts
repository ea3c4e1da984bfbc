import type { EntityManager } from '@mikro-orm/postgresql';

import { validateUscc } from '@tic/domain';
import { type Caller, refuse, requireAccess, RpcFailure } from '@tic/platform';

import { Organization } from '../organizations/organization.entity';
import { APPLICATION_REFUSALS } from './applications.refusals';

/** The units an application form names. */
export interface UnitsForm {
  readonly supportingUnitId: string;
  readonly proposedCoBuilderIds: readonly string[];
}

/**
 * The units an application names must be registered; the supporting unit must be the caller's own
 * organization or one above it (A10: the construction unit is, as a rule, a department of its supporting
 * unit), and brings the recommender (A7) and the region.
 */
export async function resolveUnits(em: EntityManager, form: UnitsForm, caller: Caller) {
  requireAccess(caller, 'application.create', {
    kind: 'application',
    constructionUnitId: caller.orgId,
    supportingUnitId: form.supportingUnitId,
  });
  const organizations = em.getRepository(Organization);
  const ids = [form.supportingUnitId, ...form.proposedCoBuilderIds];
  const known = new Set((await organizations.byIds(ids)).map((u) => u.id));
  const errors = ids.flatMap((id, i) =>
    known.has(id)
      ? []
      : [{ path: i === 0 ? 'supportingUnitId' : `proposedCoBuilderIds.${i - 1}`, message: 'no such unit' }],
  );
  if (errors.length > 0) throw RpcFailure.invalidInput(errors);
  if (!(await organizations.lineOf(caller.orgId)).includes(form.supportingUnitId)) {
    throw refuse(APPLICATION_REFUSALS.supporting_unit_not_own);
  }
  const supportingUnit = await organizations.findOneOrFail({ id: form.supportingUnitId });
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

/** A12(一): the region of a supporting unit is its domicile's; a moved unit's code still names the office it left. */
export function regionOf(supportingUnit: Organization): string {
  return (
    supportingUnit.domicileDivisionCode ??
    validateUscc(supportingUnit.uscc ?? '').regionCode ??
    supportingUnit.regionCode ??
    ''
  );
}
