import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import type { z } from 'zod';

import {
  CheckRoster,
  GetPerson,
  healthRpc,
  ImportPlatformRoster,
  journalRpc,
  RegisterPerson,
  RevealIdentityNumber,
} from '@tic/contracts';
import { maskResidentId, validateResidentId } from '@tic/domain';
import { RpcFailure, RpcHandler } from '@tic/platform';

import type { StandInState } from './stand-in';

export const STAND_IN_PLATFORM_ID = '0192f6a0-7c1e-7d2a-9b3c-00000000a18a';

/** A person as the personnel service returns one (ID number masked). */
export function personDto(id: string) {
  const now = '2027-03-02T08:00:00Z';
  return {
    id,
    version: 2,
    name: '王小明',
    idNumberMasked: '2101**********1234',
    title: '研究员',
    employerOrgId: '0192f6a0-7c1e-7d2a-9b3c-0000000000e1',
    fullTime: true,
    contact: {},
    posts: [],
    createdAt: now,
    updatedAt: now,
  };
}

/**
 * The personnel service's side of the stand-in. The roster check reports a conflict for every line
 * whose name starts with 重复 and a problem (without the number) for an invalid ID number; the import
 * counts lines whose name starts with 已有 as updated, and refuses a batch with a line named 拒绝…. Both number rows from `firstRow`, as the service does.
 */
export function personnelHandlers(state: StandInState) {
  @Controller()
  class PersonnelStandInHandlers {
    @RpcHandler(CheckRoster)
    check(@Payload() input: z.output<typeof CheckRoster.request>) {
      state.record(CheckRoster, input);
      const conflicts = input.rows.flatMap((line, i) =>
        line.name.startsWith('重复')
          ? [
              {
                row: input.firstRow + i,
                name: line.name,
                idNumberMasked: maskResidentId(line.idNumber),
                personId: '0192f6a0-7c1e-7d2a-9b3c-0000000000b1',
                appointmentId: '0192f6a0-7c1e-7d2a-9b3c-0000000000b2',
                platformId: '0192f6a0-7c1e-7d2a-9b3c-0000000000b3',
                platformName: '辽宁省精细化工重点实验室',
                role: 'researcher' as const,
                since: '2025-01-01',
              },
            ]
          : [],
      );
      const problems = input.rows.flatMap((line, i) =>
        validateResidentId(line.idNumber).valid
          ? []
          : [{ row: input.firstRow + i, path: 'idNumber', message: 'is not a valid resident ID number' }],
      );
      return { checked: input.rows.length, conflicts, problems };
    }

    @RpcHandler(ImportPlatformRoster)
    importRoster(@Payload() input: z.output<typeof ImportPlatformRoster.request>) {
      state.record(ImportPlatformRoster, input);
      if (input.rows.some((line) => line.name.startsWith('拒绝'))) {
        throw RpcFailure.of(
          'rule_violation',
          { zh: '该平台已撤销，不能导入名单', en: 'The platform is revoked; no roster can be imported' },
          { rule: 'A18-platform' },
        );
      }
      const updated = input.rows.filter((line) => line.name.startsWith('已有')).length;
      return { imported: input.rows.length - updated, updated, problems: [] };
    }

    @RpcHandler(RegisterPerson)
    register(@Payload() input: z.output<typeof RegisterPerson.request>) {
      state.record(RegisterPerson, input);
      return {
        ...personDto('0192f6a0-7c1e-7d2a-9b3c-0000000000d1'),
        name: input.name,
        idNumberMasked: maskResidentId(input.idNumber),
      };
    }

    @RpcHandler(GetPerson)
    getPerson(@Payload() input: { id: string }) {
      state.record(GetPerson, input);
      return personDto(input.id);
    }

    @RpcHandler(RevealIdentityNumber)
    reveal(@Payload() input: z.output<typeof RevealIdentityNumber.request>) {
      state.record(RevealIdentityNumber, input);
      return { personId: input.id, idNumber: '210102198001011234', auditId: '0192f6a0-7c1e-7d2a-9b3c-0000000000c1' };
    }

    @RpcHandler(healthRpc('personnel'))
    health() {
      return {
        service: 'personnel',
        status: 'up',
        version: 'stand-in',
        instance: 'stand-in:2',
        dependencies: { postgres: { status: 'up' } },
      };
    }

    @RpcHandler(journalRpc('personnel'))
    journal(@Payload() input: { after: string; limit: number }) {
      state.record(journalRpc('personnel'), input);
      const taken = state.journals.personnel
        .filter((e) => BigInt(e.position) > BigInt(input.after))
        .slice(0, input.limit);
      return { events: taken, next: taken.at(-1)?.position ?? input.after };
    }
  }
  return PersonnelStandInHandlers;
}
