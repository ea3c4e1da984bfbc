import { UniqueConstraintViolationException } from '@mikro-orm/core';
import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import type { z } from 'zod';

import {
  CreateOrganization,
  type ListOrganizations,
  type OrganizationDto,
  OrganizationRegistered,
} from '@tic/contracts';
import { type OrganizationStanding, validateUscc } from '@tic/domain';
import { type Caller, newId, pageOf, refuse, requireAccess, RpcFailure, UnitOfWork } from '@tic/platform';

import { AUTHORITIES } from '../seed/recommending-units';
import { registrationOf } from './organization-announcer';
import { Organization } from './organization.entity';
import { ORGANIZATION_REFUSALS } from './organizations.refusals';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const isUuid = (value: string): boolean => UUID.test(value);

type CreateInput = z.output<typeof CreateOrganization.request>;
type ListInput = z.output<typeof ListOrganizations.request>;

/** The units of the platform; DST registers them, everyone signed in can look them up. */
@Injectable()
export class OrganizationsService {
  constructor(
    private readonly entityManager: EntityManager,
    private readonly uow: UnitOfWork,
  ) {}

  async create(input: CreateInput, caller: Caller): Promise<OrganizationDto> {
    requireAccess(caller, 'organization.register', { kind: 'organization' });
    let regionCode: string | null = null;
    if (input.uscc !== undefined) {
      const uscc = validateUscc(input.uscc);
      if (!uscc.valid)
        throw RpcFailure.invalidInput([
          { path: 'uscc', message: `not a valid Unified Social Credit Code (${uscc.reason ?? 'invalid'})` },
        ]);
      // GB 32100 9-2 is an individual business: its licence never makes it a legal person (A12(一)).
      if (uscc.legalPersonality === 'no' && input.legalPerson)
        throw RpcFailure.invalidInput([
          { path: 'legalPerson', message: 'a 9-2 code is an individual business (个体工商户), not a legal person' },
        ]);
      regionCode = uscc.regionCode ?? null;
    }
    // The domicile says where the unit is now; the code only where it was first registered.
    if (input.domicile !== undefined) regionCode = input.domicile.divisionCode;
    try {
      return await this.uow.run(
        CreateOrganization,
        input,
        async (scope) => {
          const { em } = scope;
          for (const [path, id] of [
            ['parentId', input.parentId],
            ['recommenderId', input.recommenderId],
          ] as const) {
            if (id === undefined) continue;
            const found = await em.getRepository(Organization).byId(id);
            if (!found || (path === 'recommenderId' && !found.isRecommender)) {
              throw RpcFailure.invalidInput([
                { path, message: path === 'recommenderId' ? 'no such recommending unit' : 'no such unit' },
              ]);
            }
          }
          const organization = em.create(Organization, {
            id: newId(),
            name: input.name,
            uscc: input.uscc ?? null,
            kind: input.kind,
            legalPerson: input.legalPerson,
            regionCode,
            domicile: input.domicile?.address ?? null,
            domicileDivisionCode: input.domicile?.divisionCode ?? null,
            parentId: input.parentId ?? null,
            recommenderId: input.recommenderId ?? null,
            isRecommender: input.isRecommender,
            jurisdiction: input.jurisdiction ?? null,
            announcedAt: new Date(),
          });
          scope.record(OrganizationRegistered, registrationOf(organization));
          return organization;
        },
        (_em, organization) => Promise.resolve(toOrganizationDto(organization)),
      );
    } catch (error) {
      if (error instanceof UniqueConstraintViolationException) {
        throw refuse(
          ORGANIZATION_REFUSALS.uscc_taken,
          {},
          { errors: [{ path: 'uscc', message: 'already registered' }] },
        );
      }
      throw error;
    }
  }

  async get(id: string): Promise<OrganizationDto> {
    const organization = await this.em().getRepository(Organization).byId(id);
    if (!organization) throw refuse(ORGANIZATION_REFUSALS.not_found);
    return toOrganizationDto(organization);
  }

  /** DOMAIN.md §1: what a token's role must fit; DST and the committee office are the two seeded authorities. */
  async standing(id: string): Promise<{ id: string; standing: OrganizationStanding | null }> {
    const organization = isUuid(id) ? await this.em().getRepository(Organization).byId(id) : null;
    if (!organization) return { id, standing: null };
    const authority =
      id === AUTHORITIES.dst.id ? 'dst' : id === AUTHORITIES.committeeOffice.id ? 'committee_office' : null;
    return {
      id,
      standing: {
        kind: organization.kind,
        legalPerson: organization.legalPerson,
        isRecommender: organization.isRecommender,
        authority,
      },
    };
  }

  async list(input: ListInput) {
    const rows = await this.em().getRepository(Organization).page(input, input.limit);
    return pageOf(rows, input.limit, (row) => row.id, toOrganizationDto);
  }

  private em(): EntityManager {
    return this.entityManager.fork();
  }
}

export function toOrganizationDto(o: Organization): OrganizationDto {
  return {
    id: o.id,
    name: o.name,
    uscc: o.uscc,
    kind: o.kind,
    legalPerson: o.legalPerson,
    regionCode: o.regionCode,
    domicile: o.domicile,
    domicileDivisionCode: o.domicileDivisionCode,
    parentId: o.parentId,
    recommenderId: o.recommenderId,
    isRecommender: o.isRecommender,
    jurisdiction: o.jurisdiction,
    version: o.version,
  };
}
