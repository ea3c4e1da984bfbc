import { UniqueConstraintViolationException } from '@mikro-orm/core';
import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';

import { RegisterPerson, UpdatePerson, type ListIdentityReads, type ListPeople, type PersonDto } from '@tic/contracts';
import {
  currentCallContext,
  mayAccess,
  newId,
  pageOf,
  requireAccess,
  UnitOfWork,
  type Caller,
  type In,
} from '@tic/platform';

import { IdentityNumbers } from '../identity/identity-numbers';
import { IdentityRead } from './identity-read.entity';
import { PersonViews, toPersonSummary } from './person-views';
import { Person } from './person.entity';

/** The province-wide register of people: one record per resident ID number, shown masked. */
@Injectable()
export class PeopleService {
  constructor(
    private readonly em: EntityManager,
    private readonly uow: UnitOfWork,
    private readonly identityNumbers: IdentityNumbers,
    private readonly views: PersonViews,
  ) {}

  /** A number already registered returns its person: units share one record of each person. */
  async register(input: In<typeof RegisterPerson>, caller: Caller): Promise<PersonDto & { existing: boolean }> {
    requireAccess(caller, 'person.register', {
      kind: 'person',
      employerOrgId: input.employerOrgId,
      registeredByOrgId: caller.orgId,
    });
    const hash = this.identityNumbers.hash(input.idNumber);
    try {
      return await this.uow.run(RegisterPerson, input, async ({ em }) => {
        const known = await em.getRepository(Person).findByIdNumberHash(hash);
        if (known) return { ...(await this.viewFor(em, known, caller)), existing: true };
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
          registeredByOrgId: caller.orgId,
          phone: input.contact.phone ?? null,
          email: input.contact.email ?? null,
        });
        em.persist(person);
        await em.flush();
        return { ...(await this.views.render(em, person)), existing: false };
      });
    } catch (error) {
      // Two units registered the same number at once: the first one's record is the person.
      if (!(error instanceof UniqueConstraintViolationException)) throw error;
      const em = this.em.fork();
      const winner = await em.getRepository(Person).findByIdNumberHash(hash);
      if (!winner) throw error;
      return { ...(await this.viewFor(em, winner, caller)), existing: true };
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

  update(input: In<typeof UpdatePerson>, caller: Caller): Promise<PersonDto> {
    return this.uow.run(
      UpdatePerson,
      input,
      async ({ em }) => {
        const people = em.getRepository(Person);
        const facts = await people.facts(await people.findVisible(input.id, caller));
        requireAccess(caller, 'person.update', facts);
        const person = await people.lockAtVersion(input.id, input.version, { zh: '人员', en: 'Person' });
        if (input.employerOrgId !== undefined && input.employerOrgId !== person.employerOrgId)
          requireAccess(caller, 'person.change_employer', facts);
        if (input.name !== undefined) person.name = input.name;
        if (input.title !== undefined) person.title = input.title;
        if (input.employerOrgId !== undefined) person.employerOrgId = input.employerOrgId;
        if (input.contact !== undefined) {
          person.phone = input.contact.phone ?? null;
          person.email = input.contact.email ?? null;
        }
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

  /**
   * A unit that types a number already on file learns the record exists and whom it names, but not
   * the contact details or the posts of people outside its scope.
   */
  private async viewFor(em: EntityManager, person: Person, caller: Caller): Promise<PersonDto> {
    if (mayAccess(caller, 'person.read', await em.getRepository(Person).facts(person)))
      return this.views.render(em, person);
    return { ...toPersonSummary(person), contact: {}, posts: [] };
  }
}
