import { UniqueConstraintViolationException } from '@mikro-orm/core';
import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';

import { RegisterPerson, UpdatePerson, type ListIdentityReads, type ListPeople, type PersonDto } from '@tic/contracts';
import {
  currentCallContext,
  newId,
  pageOf,
  refuse,
  requireAccess,
  UnitOfWork,
  type Caller,
  type In,
} from '@tic/platform';

import { IdentityNumbers } from '../identity/identity-numbers';
import { UsageQuotas } from '../quotas/usage-quotas';
import { IdentityRead } from './identity-read.entity';
import { PersonViews, toPersonSummary } from './person-views';
import { Person } from './person.entity';
import { PERSON_REFUSALS } from './person.refusals';

/** The province-wide register of people: one record per resident ID number, shown masked. */
@Injectable()
export class PeopleService {
  constructor(
    private readonly em: EntityManager,
    private readonly uow: UnitOfWork,
    private readonly identityNumbers: IdentityNumbers,
    private readonly views: PersonViews,
    private readonly quotas: UsageQuotas,
  ) {}

  /**
   * One record per number province-wide. A number already registered is refused without a word about
   * the person (issue 9: it answered with the name and employer to anyone who typed a number), and
   * every attempt spends the caller's registrations quota, since the refusal answers whether it is known.
   */
  async register(input: In<typeof RegisterPerson>, caller: Caller): Promise<PersonDto> {
    requireAccess(caller, 'person.register', {
      kind: 'person',
      employerOrgId: input.employerOrgId,
      registeredByOrgId: caller.orgId,
    });
    const answered = await this.uow.answeredBefore(RegisterPerson, input);
    if (answered !== undefined) return answered.answer as PersonDto;
    await this.quotas.spend(caller, 'registrations', 1);
    const hash = this.identityNumbers.hash(input.idNumber);
    try {
      return await this.uow.run(RegisterPerson, input, async (scope) => {
        const { em } = scope;
        if (await em.getRepository(Person).findByIdNumberHash(hash)) throw refuse(PERSON_REFUSALS.already_registered);
        const id = newId();
        const number = this.identityNumbers.protect(id, input.idNumber);
        const person = em.create(Person, {
          id,
          name: input.name,
          idNumberCiphertext: number.ciphertext,
          idNumberKeyId: number.keyId,
          idNumberHash: number.hash,
          idNumberMasked: number.masked,
          title: input.title ?? null,
          employerOrgId: input.employerOrgId,
          fullTime: input.fullTime,
          registeredByOrgId: caller.orgId,
          phone: input.contact.phone ?? null,
          email: input.contact.email ?? null,
        });
        em.persist(person);
        scope.history(person, { aggregateType: 'person', action: RegisterPerson.subject });
        await em.flush();
        return this.views.render(em, person);
      });
    } catch (error) {
      // Two units registered the same number at once: the first one's record is the person.
      if (error instanceof UniqueConstraintViolationException) throw refuse(PERSON_REFUSALS.already_registered);
      throw error;
    }
  }

  async get(id: string, caller: Caller): Promise<PersonDto> {
    const em = this.em.fork();
    return this.views.render(em, await em.getRepository(Person).findVisible(id, caller));
  }

  async list(input: In<typeof ListPeople>, caller: Caller) {
    const people = this.em.fork().getRepository(Person);
    const scope = await people.visibleFilter(caller);
    if (scope === null) return { items: [] };
    return pageOf(await people.page(scope, input, input.limit), input.limit, (row) => row.id, toPersonSummary);
  }

  /** The employer (or DST) corrects a person; each correction is kept in the person's history, by field name. */
  update(input: In<typeof UpdatePerson>, caller: Caller): Promise<PersonDto> {
    return this.uow.run(
      UpdatePerson,
      input,
      async (scope) => {
        const people = scope.em.getRepository(Person);
        const facts = await people.facts(await people.findVisible(input.id, caller));
        requireAccess(caller, 'person.update', facts);
        const person = await people.lockAtVersion(input.id, input.version, { zh: '人员', en: 'Person' });
        if (input.employerOrgId !== undefined && input.employerOrgId !== person.employerOrgId)
          requireAccess(caller, 'person.change_employer', facts);
        if (input.name !== undefined) person.name = input.name;
        if (input.title !== undefined) person.title = input.title;
        if (input.employerOrgId !== undefined) person.employerOrgId = input.employerOrgId;
        if (input.fullTime !== undefined) person.fullTime = input.fullTime;
        if (input.contact !== undefined) {
          person.phone = input.contact.phone ?? null;
          person.email = input.contact.email ?? null;
        }
        // Field names only: the values are personal information, and the record itself holds the new ones.
        const corrected = (['name', 'title', 'employerOrgId', 'fullTime', 'contact'] as const).filter(
          (f) => input[f] !== undefined,
        );
        scope.history(person, {
          aggregateType: 'person',
          action: UpdatePerson.subject,
          comment: `corrected: ${corrected.join(', ')}`,
        });
        return person.id;
      },
      async (em, id) => this.views.render(em, await em.getRepository(Person).findOneOrFail({ id })),
    );
  }

  /** DST reads the number unmasked; the audit row commits before the number leaves the service. */
  async revealIdNumber(id: string, reason: string, caller: Caller) {
    const em = this.em.fork();
    const people = em.getRepository(Person);
    requireAccess(caller, 'person.reveal_id_number', await people.facts(await people.findVisible(id, caller)));
    const person = await people.findWithCiphertext(id);
    if (!person) throw new Error(`person ${id} vanished while it was read`);
    const audit = em.create(IdentityRead, {
      id: newId(),
      personId: person.id,
      personName: person.name,
      readerUserId: caller.userId,
      readerName: caller.name,
      readerOrgId: caller.orgId,
      reason,
      readAt: new Date(),
      correlationId: currentCallContext()?.correlationId ?? null,
    });
    await em.persist(audit).flush();
    const idNumber = this.identityNumbers.decrypt(person.id, {
      ciphertext: person.idNumberCiphertext,
      keyId: person.idNumberKeyId,
    });
    return { personId: person.id, idNumber, auditId: audit.id };
  }

  async identityReads(input: In<typeof ListIdentityReads>, caller: Caller) {
    requireAccess(caller, 'person.read_identity_audit', { kind: 'person' });
    const rows = await this.em.fork().getRepository(IdentityRead).page(input, input.limit);
    return pageOf(
      rows,
      input.limit,
      (row) => row.id,
      (row) => ({
        id: row.id,
        personId: row.personId,
        personName: row.personName,
        readerUserId: row.readerUserId,
        readerName: row.readerName,
        reason: row.reason,
        readAt: row.readAt.toISOString(),
        correlationId: row.correlationId,
      }),
    );
  }
}
