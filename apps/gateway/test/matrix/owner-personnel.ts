import { addDays } from '@tic/domain';

import { call, type PlatformWorld } from '../platform/platform-world';
import { ORGS, today, type Tokens } from '../platform/journey';
import { succeeded } from './probe';

const AGREEMENT = {
  startsOn: '2026-01-01',
  endsOn: '2028-12-31',
  workingTime: '每年在中心工作不少于6个月',
  tasks: '伺服控制方向联合攻关',
  documentRef: 'docs/agreements/matrix',
};

/**
 * The owner's people on its center (a researcher, also held on its laboratory for A18, a visiting
 * scholar, the director), its management committee, and a laboratory of each side.
 */
export async function ownerPersonnel(
  world: PlatformWorld,
  tokens: Tokens,
  centerId: string,
  foreignSupportingUnitId: string,
  nextIdNumber: () => string,
) {
  const lab = (name: string, supportingUnitId: string) =>
    succeeded<{ id: string }>(
      call(world, 'POST', '/platforms', {
        token: tokens.dst,
        body: { name, kind: 'key_laboratory', supportingUnitId },
      }),
    );
  const [ownLab, foreignLab] = [
    await lab('辽宁省矩阵本方重点实验室', ORGS.supporting),
    await lab('辽宁省矩阵外方重点实验室', foreignSupportingUnitId),
  ];

  const personIdNumber = nextIdNumber();
  const person = await succeeded<{ id: string }>(
    call(world, 'POST', '/people', {
      token: tokens.supporting,
      body: { name: '矩阵研究员', idNumber: personIdNumber, employerOrgId: ORGS.supporting },
    }),
  );
  const appoint = (body: Record<string, unknown>) =>
    succeeded<{ id: string }>(
      call(world, 'POST', '/appointments', {
        token: tokens.supporting,
        body: { platformId: centerId, kind: 'fixed', startsOn: today(), ...body },
      }),
    );
  const staff = await appoint({ personId: person.id, role: 'researcher' });
  const held = await succeeded<{ id: string }>(
    call(world, 'POST', '/appointments', {
      token: tokens.supporting,
      body: { platformId: ownLab.id, personId: person.id, role: 'researcher', kind: 'fixed', startsOn: today() },
    }),
  );
  const visitor = await succeeded<{ id: string }>(
    call(world, 'POST', '/people', {
      token: tokens.supporting,
      body: { name: '矩阵访问学者', idNumber: nextIdNumber(), employerOrgId: ORGS.coBuilder },
    }),
  );
  const floating = await appoint({ personId: visitor.id, role: 'researcher', kind: 'floating', agreement: AGREEMENT });
  const directorPerson = await succeeded<{ id: string }>(
    call(world, 'POST', '/people', {
      token: tokens.supporting,
      body: { name: '矩阵主任', idNumber: nextIdNumber(), employerOrgId: ORGS.supporting },
    }),
  );
  await succeeded(
    call(world, 'PUT', `/centers/${centerId}/committees/management`, {
      token: tokens.supporting,
      body: {
        termStartsOn: today(),
        termEndsOn: addDays(today(), 1000),
        members: [{ personId: directorPerson.id, isChair: true }],
      },
    }),
  );
  // A15: the management committee reviews the director at a meeting it records, before the unit decides.
  await succeeded(
    call(world, 'POST', `/centers/${centerId}/committees/management/meetings`, {
      token: tokens.supporting,
      body: { heldOn: today(), attendees: 1, minutesRef: 'docs/minutes/matrix-director' },
    }),
  );
  const director = await appoint({
    personId: directorPerson.id,
    role: 'director',
    decidedOn: today(),
    committeeReviewedOn: today(),
  });

  return {
    personId: person.id,
    personIdNumber,
    staffAppointmentId: staff.id,
    floatingAppointmentId: floating.id,
    heldAppointmentId: held.id,
    directorAppointmentId: director.id,
    labId: ownLab.id,
    foreignLabId: foreignLab.id,
  };
}
