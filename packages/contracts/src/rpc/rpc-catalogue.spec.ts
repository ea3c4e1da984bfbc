import * as contracts from '../index';
import type { RpcDefinition } from './define-rpc';

const isRpcDefinition = (value: unknown): value is RpcDefinition =>
  typeof value === 'object' && value !== null && 'subject' in value && 'request' in value && 'operation' in value;
const definitions = (Object.values(contracts) as unknown[]).filter(isRpcDefinition);

describe('RPC definitions', () => {
  it('are declared for the applications service', () => {
    expect(definitions.length).toBeGreaterThan(20);
  });

  it.each(definitions.map((d) => [d.subject, d] as const))(
    '%s lives in tic.rpc.<service>.<operation>',
    (subject, definition) => {
      expect(subject).toBe(`tic.rpc.${definition.service}.${definition.operation}`);
      expect(subject.startsWith('tic.events.')).toBe(false);
    },
  );

  it('never reuse a subject', () => {
    const subjects = definitions.map((d) => d.subject);
    expect(new Set(subjects).size).toBe(subjects.length);
  });

  it('names the field of an invalid request (OpenCall: closesOn before opensOn)', () => {
    const result = contracts.OpenCall.request.safeParse({
      year: 2027,
      title: '2027年度申报',
      opensOn: '2027-03-01',
      closesOn: '2027-02-01',
    });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.path.join('.'))).toEqual(['closesOn']);
  });

  it('refuses a co-building unit named twice, so that a changed proposal is always seen as changed (A10)', () => {
    const unit = '0192f3c4-5d6e-7f80-9a1b-2c3d4e5f6a7b';
    const other = '0192f3c4-5d6e-7f80-9a1b-2c3d4e5f6a7c';
    const form = contracts.applicationForm.shape.proposedCoBuilderIds;
    expect(form.safeParse([unit, other]).success).toBe(true);
    const twice = form.safeParse([unit, unit]);
    expect(twice.success).toBe(false);
    expect(twice.error?.issues[0]?.message).toBe('names a unit twice');
  });

  it('refuses a change report that names no change (A26), naming the field, and takes several kinds at once', () => {
    const base = {
      centerId: '0192f3c4-5d6e-7f80-9a1b-2c3d4e5f6a7b',
      decidedOn: '2026-11-02',
      reportRef: 'docs/change-report-1',
    };
    const none = contracts.CreateChange.request.safeParse(base);
    expect(none.success).toBe(false);
    expect(none.error?.issues.map((i) => i.path.join('.'))).toEqual(['rename']);
    const both = contracts.CreateChange.request.safeParse({
      ...base,
      rename: { field: { zh: '高端装备', en: 'High-end Equipment' } },
      direction: { field: { zh: '高端装备', en: 'High-end Equipment' } },
    });
    expect(both.success).toBe(true);
  });
});
