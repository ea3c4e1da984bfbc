import { MikroORM } from '@mikro-orm/postgresql';
import { z } from 'zod';

import {
  GetPerson,
  ListIdentityReads,
  ListPeople,
  RegisterPerson,
  RevealIdentityNumber,
  UpdatePerson,
} from '@tic/contracts';

import { IdentityNumbers } from '../src/identity/identity-numbers';
import { parseKeyRing } from '../src/identity/key-ring';
import { reencryptIdNumbers } from '../src/identity/key-rotation';
import { Person } from '../src/people/person.entity';
import { CALLERS, newIdNumber, ORGS, refusal, runningPersonnel } from './harness';

describe('the people register: one record per resident ID number, never shown unmasked (real Postgres, NATS, Redis)', () => {
  const service = runningPersonnel('people');

  it('stores the number encrypted with a lookup hash, shows it masked, and refuses the same number typed again', async () => {
    const idNumber = newIdNumber();
    const person = await service.rpc.request(
      RegisterPerson,
      { name: '张伟', idNumber, title: '研究员', employerOrgId: ORGS.supporting, contact: { phone: '024-23456789' } },
      { caller: CALLERS.supporting },
    );
    expect(person).toMatchObject({
      name: '张伟',
      idNumberMasked: `${idNumber.slice(0, 4)}**********${idNumber.slice(-4)}`,
    });
    expect(JSON.stringify(person)).not.toContain(idNumber);

    // Typed again by another unit, with a lower-case check character and spaces: the same number.
    const again = await refusal(
      service.rpc.request(
        RegisterPerson,
        { name: '张伟', idNumber: ` ${idNumber.toLowerCase()} `, employerOrgId: ORGS.otherSupporting },
        { caller: CALLERS.otherSupporting },
      ),
    );
    expect(again).toMatchObject({ code: 'conflict', reason: 'person.already_registered' });

    const [row] = await service.sql('select id_number_ciphertext, id_number_hash from personnel.person where id = ?', [
      person.id,
    ]);
    const ciphertext = String(row?.id_number_ciphertext);
    expect(ciphertext).not.toContain(idNumber.slice(6, 14));
    expect(Buffer.from(ciphertext, 'base64').toString('latin1')).not.toContain(idNumber);
    expect(row?.id_number_hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('refuses a malformed number naming the field, without repeating the number', async () => {
    const valid = newIdNumber();
    const wrongCheck = valid.slice(0, 17) + (valid.endsWith('0') ? '1' : '0');
    const error = await refusal(
      service.rpc.request(
        RegisterPerson,
        { name: '李娜', idNumber: wrongCheck, employerOrgId: ORGS.supporting },
        { caller: CALLERS.supporting },
      ),
    );
    expect(error.code).toBe('invalid_input');
    expect(error.errors).toEqual([{ path: 'idNumber', message: 'has a wrong check character' }]);
    expect(JSON.stringify(error)).not.toContain(wrongCheck);
  });

  it('lets DST alone read a number unmasked, and audits each read with who, when and why', async () => {
    const idNumber = newIdNumber();
    const person = await service.rpc.request(
      RegisterPerson,
      { name: '王芳', idNumber, employerOrgId: ORGS.supporting },
      { caller: CALLERS.supporting },
    );
    for (const caller of [CALLERS.supporting, CALLERS.committee]) {
      expect(
        await refusal(service.rpc.request(RevealIdentityNumber, { id: person.id, reason: '核对身份信息' }, { caller })),
      ).toMatchObject({ code: 'forbidden', reason: 'person.id_number_for_dst' });
    }
    // A recommender does not see someone serving no platform in its jurisdiction: not even that they exist.
    expect(
      (
        await refusal(
          service.rpc.request(
            RevealIdentityNumber,
            { id: person.id, reason: '核对身份信息' },
            { caller: CALLERS.recommender },
          ),
        )
      ).code,
    ).toBe('not_found');
    const revealed = await service.rpc.request(
      RevealIdentityNumber,
      { id: person.id, reason: '查重结果人工核对' },
      { caller: CALLERS.dst },
    );
    expect(revealed.idNumber).toBe(idNumber);
    const audit = await service.rpc.request(
      ListIdentityReads,
      { limit: 10, personId: person.id },
      { caller: CALLERS.dst },
    );
    expect(audit.items).toEqual([
      expect.objectContaining({
        id: revealed.auditId,
        personName: '王芳',
        readerUserId: 'dst-1',
        readerName: '省科技厅王处长',
        reason: '查重结果人工核对',
      }),
    ]);
  });

  it('shows a unit its own people only; another unit and experts get 404', async () => {
    const person = await service.rpc.request(
      RegisterPerson,
      { name: '刘洋', idNumber: newIdNumber(), employerOrgId: ORGS.supporting },
      { caller: CALLERS.supporting },
    );
    await expect(
      service.rpc.request(GetPerson, { id: person.id }, { caller: CALLERS.supporting }),
    ).resolves.toMatchObject({ name: '刘洋' });
    await expect(service.rpc.request(GetPerson, { id: person.id }, { caller: CALLERS.dst })).resolves.toMatchObject({
      name: '刘洋',
    });
    expect(
      (await refusal(service.rpc.request(GetPerson, { id: person.id }, { caller: CALLERS.otherSupporting }))).code,
    ).toBe('not_found');
    expect((await refusal(service.rpc.request(GetPerson, { id: person.id }, { caller: CALLERS.expert }))).code).toBe(
      'not_found',
    );
    const others = await service.rpc.request(ListPeople, { limit: 200 }, { caller: CALLERS.otherSupporting });
    expect(others.items.map((p) => p.id)).not.toContain(person.id);
  });

  it('corrects a person under If-Match: a stale version gets stale_version, the number never changes', async () => {
    const person = await service.rpc.request(
      RegisterPerson,
      { name: '陈静', idNumber: newIdNumber(), employerOrgId: ORGS.supporting },
      { caller: CALLERS.supporting },
    );
    const updated = await service.rpc.request(
      UpdatePerson,
      { id: person.id, version: person.version, title: '高级工程师' },
      { caller: CALLERS.supporting },
    );
    expect(updated).toMatchObject({
      title: '高级工程师',
      version: person.version + 1,
      idNumberMasked: person.idNumberMasked,
    });
    expect(
      (
        await refusal(
          service.rpc.request(
            UpdatePerson,
            { id: person.id, version: person.version, title: '研究员' },
            { caller: CALLERS.supporting },
          ),
        )
      ).code,
    ).toBe('stale_version');
  });

  it('rotates the encryption key: every number re-encrypted under the new key, hashes unchanged, old key no longer needed', async () => {
    const idNumber = newIdNumber();
    const person = await service.rpc.request(
      RegisterPerson,
      { name: '杨帆', idNumber, employerOrgId: ORGS.supporting },
      { caller: CALLERS.supporting },
    );
    const em = service.app.get(MikroORM).em.fork();
    const before = await em.findOneOrFail(Person, { id: person.id }, { populate: ['idNumberCiphertext'] });
    const oldRing = service.config.PERSONNEL_ID_ENCRYPTION_KEYS;
    const newKey = { id: 'k2026', key: Buffer.alloc(32, 7) };
    const rotated = new IdentityNumbers({
      encryption: { current: newKey, all: new Map([[newKey.id, newKey.key], ...oldRing.all]) },
      hmac: service.config.PERSONNEL_ID_HMAC_KEY,
    });
    expect(await reencryptIdNumbers(em, rotated)).toBeGreaterThanOrEqual(1);
    const after = await em.fork().findOneOrFail(Person, { id: person.id }, { populate: ['idNumberCiphertext'] });
    expect(after).toMatchObject({ idNumberKeyId: 'k2026', idNumberHash: before.idNumberHash });
    const newOnly = new IdentityNumbers({
      encryption: z
        .string()
        .transform((v, ctx) => parseKeyRing(v, ctx))
        .parse(`k2026:${newKey.key.toString('base64')}`),
      hmac: service.config.PERSONNEL_ID_HMAC_KEY,
    });
    expect(newOnly.decrypt(person.id, { ciphertext: after.idNumberCiphertext, keyId: after.idNumberKeyId })).toBe(
      idNumber,
    );
    expect(await reencryptIdNumbers(em, rotated)).toBe(0);
  });

  it('issue 9: refuses a known number with 409 person.already_registered that says nothing about the person, even to its own employer', async () => {
    const idNumber = newIdNumber();
    const mine = await service.rpc.request(
      RegisterPerson,
      {
        name: '郭工',
        idNumber,
        title: '正高级工程师',
        employerOrgId: ORGS.supporting,
        contact: { phone: '13800000001', email: 'guo@example.cn' },
      },
      { caller: CALLERS.supporting },
    );
    for (const caller of [CALLERS.otherSupporting, CALLERS.supporting, CALLERS.dst]) {
      const refused = await refusal(
        service.rpc.request(
          RegisterPerson,
          { name: '另一个名字', idNumber, employerOrgId: caller.orgId === ORGS.dst ? ORGS.supporting : caller.orgId },
          { caller },
        ),
      );
      expect(refused).toMatchObject({ code: 'conflict', reason: 'person.already_registered' });
      const said = JSON.stringify(refused);
      for (const known of ['郭工', mine.id, ORGS.supporting, '13800000001', '正高级工程师', mine.idNumberMasked])
        expect({ said: said.includes(known), known }).toEqual({ said: false, known });
    }
    const [row] = await service.sql('select name, employer_org_id from personnel.person where id = ?', [mine.id]);
    expect(row).toEqual({ name: '郭工', employer_org_id: ORGS.supporting });
  });

  it('issue 9: the employer or DST corrects a person, not the unit that registered them; each correction is kept in the history', async () => {
    const person = await service.rpc.request(
      RegisterPerson,
      { name: '马工', idNumber: newIdNumber(), employerOrgId: ORGS.supporting },
      { caller: CALLERS.construction },
    );
    for (const input of [{ title: '工程师' }, { employerOrgId: ORGS.construction }, { name: '马工程师' }]) {
      expect(
        await refusal(
          service.rpc.request(
            UpdatePerson,
            { id: person.id, version: person.version, ...input },
            { caller: CALLERS.construction },
          ),
        ),
      ).toMatchObject({ code: 'forbidden', reason: 'person.corrected_by_employer' });
    }
    const titled = await service.rpc.request(
      UpdatePerson,
      { id: person.id, version: person.version, title: '工程师' },
      { caller: CALLERS.supporting },
    );
    const moved = await service.rpc.request(
      UpdatePerson,
      { id: person.id, version: titled.version, employerOrgId: ORGS.coBuilder },
      { caller: CALLERS.supporting },
    );
    expect(moved).toMatchObject({ employerOrgId: ORGS.coBuilder, title: '工程师' });
    // Now the co-building unit employs them: the former employer no longer even sees them; the registrant
    // still sees them but does not correct them; DST does.
    for (const [caller, reason] of [
      [CALLERS.supporting, 'person.not_found'],
      [CALLERS.construction, 'person.corrected_by_employer'],
    ] as const) {
      expect(
        (
          await refusal(
            service.rpc.request(
              UpdatePerson,
              { id: person.id, version: moved.version, title: '高级工程师' },
              { caller },
            ),
          )
        ).reason,
      ).toBe(reason);
    }
    const byDst = await service.rpc.request(
      UpdatePerson,
      { id: person.id, version: moved.version, title: '高级工程师' },
      { caller: CALLERS.dst },
    );
    expect(byDst.title).toBe('高级工程师');

    const history = await service.sql(
      `select action, actor_user_id, comment from personnel.history_entry
        where aggregate_type = 'person' and aggregate_id = ? order by aggregate_version`,
      [person.id],
    );
    expect(history).toEqual([
      { action: RegisterPerson.subject, actor_user_id: CALLERS.construction.userId, comment: null },
      { action: UpdatePerson.subject, actor_user_id: CALLERS.supporting.userId, comment: 'corrected: title' },
      { action: UpdatePerson.subject, actor_user_id: CALLERS.supporting.userId, comment: 'corrected: employerOrgId' },
      { action: UpdatePerson.subject, actor_user_id: CALLERS.dst.userId, comment: 'corrected: title' },
    ]);
    const [row] = await service.sql('select registered_by_org_id from personnel.person where id = ?', [person.id]);
    expect(row?.registered_by_org_id).toBe(ORGS.construction);
  });
});
