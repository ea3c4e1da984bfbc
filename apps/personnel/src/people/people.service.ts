import { MikroORM, UniqueConstraintViolationException, type FilterQuery } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';

import type { ListIdentityReads, ListPeople, PersonDto, RegisterPerson, UpdatePerson } from '@tic/contracts';
import { currentCallContext, newId, pageOf, RpcFailure, withVersionCheck, assertVersion, type Caller, type In } from '@tic/platform';

import { platformScope, visiblePlatformIds } from '../access/platform-scope';
import { Appointment } from '../appointments/appointment.entity';
import { IdentityNumbers } from '../identity/identity-numbers';
import { Platform } from '../platforms/platform.entity';
import { IdentityRead } from './identity-read.entity';
import { Person } from './person.entity';

const PERSON = { zh: '人员', en: 'Person' };

/** The province-wide register of people: one record per resident ID number, shown masked. */
@Injectable()
export class PeopleService {
  constructor(
    private readonly orm: MikroORM,
    private readonly identityNumbers: IdentityNumbers,
  ) {}

  /** A number already registered returns its person: units share one record of each person. */
  async register(input: In<typeof RegisterPerson>, caller: Caller): Promise<PersonDto & { existing: boolean }> {
    const em = this.em();
    const hash = this.identityNumbers.hash(input.idNumber);
    const known = await em.findOne(Person, { idNumberHash: hash });
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
    try {
      await em.persist(person).flush();
    } catch (error) {
      // Two units registered the same number at once: the first one's record is the person.
      if (!(error instanceof UniqueConstraintViolationException)) throw error;
      const winner = await this.em().findOneOrFail(Person, { idNumberHash: hash });
      return { ...(await this.viewFor(this.em(), winner, caller)), existing: true };
    }
    return { ...(await this.view(em, person)), existing: false };
  }

  async get(id: string, caller: Caller): Promise<PersonDto> {
    const em = this.em();
    return this.view(em, await this.loadVisible(em, id, caller));
  }

  async list(input: In<typeof ListPeople>, caller: Caller) {
    const scope = await this.scope(caller);
    if (scope === null) return { items: [] };
    const rows = await this.em().find(
      Person,
      {
        $and: [
          scope,
          input.employerOrgId ? { employerOrgId: input.employerOrgId } : {},
          input.name ? { name: { $ilike: `%${escapeLike(input.name)}%` } } : {},
          input.platformId ? { id: { $in: await this.servingPeople(this.em(), [input.platformId]) } } : {},
          input.cursor ? { id: { $lt: input.cursor } } : {},
        ],
      },
      { orderBy: { id: 'desc' }, limit: input.limit + 1 },
    );
    return pageOf(rows, input.limit, (row) => row.id, toPersonSummary);
  }

  async update(input: In<typeof UpdatePerson>, caller: Caller): Promise<PersonDto> {
    return withVersionCheck(async () => {
      const em = this.em();
      const person = await this.loadVisible(em, input.id, caller);
      // A unit corrects those it employs or registered; a post on its platform is not enough, or
      // any unit could move another's director to itself and break A15 for them.
      const isDst = caller.role === 'dst_admin';
      if (!isDst && person.employerOrgId !== caller.orgId && person.registeredByOrgId !== caller.orgId) {
        throw RpcFailure.forbidden({ zh: '只能修改本单位登记或聘用的人员', en: 'Only people your unit registered or employs can be corrected' });
      }
      if (input.employerOrgId !== undefined && input.employerOrgId !== person.employerOrgId && !isDst && person.employerOrgId !== caller.orgId) {
        throw RpcFailure.forbidden({ zh: '工作单位只能由原工作单位或省科技厅变更', en: 'Only the current employer or DST changes the employer' });
      }
      assertVersion(input.version, person.version);
      if (input.name !== undefined) person.name = input.name;
      if (input.title !== undefined) person.title = input.title;
      if (input.employerOrgId !== undefined) person.employerOrgId = input.employerOrgId;
      if (input.contact !== undefined) {
        person.phone = input.contact.phone ?? null;
        person.email = input.contact.email ?? null;
      }
      await em.flush();
      return this.view(em, person);
    });
  }

  /** DST reads the number unmasked; the audit row commits before the number leaves the service. */
  async revealIdNumber(id: string, reason: string, caller: Caller) {
    if (caller.role !== 'dst_admin') throw RpcFailure.forbidden({ zh: '仅省科技厅可查看完整身份证号码', en: 'Only DST reads full ID numbers' });
    const em = this.em();
    const person = await em.findOne(Person, { id }, { populate: ['idNumberCiphertext'] });
    if (!person) throw RpcFailure.notFound(PERSON);
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
    const idNumber = this.identityNumbers.decrypt(person.id, { ciphertext: person.idNumberCiphertext, keyId: person.idNumberKeyId });
    return { personId: person.id, idNumber, auditId: audit.id };
  }

  async identityReads(input: In<typeof ListIdentityReads>, caller: Caller) {
    if (caller.role !== 'dst_admin') throw RpcFailure.forbidden({ zh: '仅省科技厅可查看', en: 'Only DST reads the audit' });
    const rows = await this.em().find(
      IdentityRead,
      { $and: [input.personId ? { personId: input.personId } : {}, input.cursor ? { id: { $lt: input.cursor } } : {}] },
      { orderBy: { id: 'desc' }, limit: input.limit + 1 },
    );
    return pageOf(rows, input.limit, (row) => row.id, (row) => ({
      id: row.id, personId: row.personId, personName: row.personName, readerUserId: row.readerUserId, readerName: row.readerName,
      reason: row.reason, readAt: row.readAt.toISOString(), correlationId: row.correlationId,
    }));
  }

  /** The person, when the caller may see them; otherwise 404, so that existence does not leak. */
  async loadVisible(em: EntityManager, id: string, caller: Caller): Promise<Person> {
    const scope = await this.scope(caller);
    const person = scope === null ? null : await em.findOne(Person, { $and: [{ id }, scope] });
    if (!person) throw RpcFailure.notFound(PERSON);
    return person;
  }

  /**
   * A unit that types a number already on file learns the record exists and whom it names, but not
   * the contact details or the posts of people outside its scope.
   */
  private async viewFor(em: EntityManager, person: Person, caller: Caller): Promise<PersonDto> {
    const scope = await this.scope(caller);
    const visible = scope !== null && (await em.count(Person, { $and: [{ id: person.id }, scope] })) > 0;
    if (visible) return this.view(em, person);
    return { ...toPersonSummary(person), contact: {}, posts: [] };
  }

  async view(em: EntityManager, person: Person): Promise<PersonDto> {
    const posts = await em.find(Appointment, { personId: person.id }, { orderBy: { startsOn: 'desc' } });
    const platforms = await em.find(Platform, { id: { $in: [...new Set(posts.map((p) => p.platformId))] } });
    const names = new Map(platforms.map((p) => [p.id, p.name]));
    return {
      ...toPersonSummary(person),
      contact: { ...(person.phone ? { phone: person.phone } : {}), ...(person.email ? { email: person.email } : {}) },
      posts: posts.map((post) => ({
        appointmentId: post.id, platformId: post.platformId, platformName: names.get(post.platformId) ?? '', role: post.role,
        kind: post.kind, status: post.status, startsOn: post.startsOn, endsOn: post.endsOn,
      })),
    };
  }

  /**
   * A unit sees the people serving the platforms it sees, its own employees and those it registered;
   * a recommender those serving platforms in its jurisdiction; DST and the committee office everyone.
   */
  private async scope(caller: Caller): Promise<FilterQuery<Person> | null> {
    if (platformScope(caller) === null) return null;
    const em = this.em();
    const platforms = await visiblePlatformIds(em, caller);
    if (platforms === 'all') return {};
    const own = caller.role === 'recommender' ? [] : [{ employerOrgId: caller.orgId }, { registeredByOrgId: caller.orgId }];
    return { $or: [{ id: { $in: await this.servingPeople(em, platforms) } }, ...own] };
  }

  private async servingPeople(em: EntityManager, platformIds: readonly string[]): Promise<string[]> {
    const posts = await em.find(Appointment, { platformId: { $in: [...platformIds] }, status: { $ne: 'ended' } }, { fields: ['personId'] });
    return [...new Set(posts.map((post) => post.personId))];
  }

  private em(): EntityManager {
    return this.orm.em.fork() as EntityManager;
  }
}

export function toPersonSummary(person: Person) {
  return {
    id: person.id, version: person.version, name: person.name, idNumberMasked: person.idNumberMasked, title: person.title,
    employerOrgId: person.employerOrgId, createdAt: person.createdAt.toISOString(), updatedAt: person.updatedAt.toISOString(),
  };
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}
