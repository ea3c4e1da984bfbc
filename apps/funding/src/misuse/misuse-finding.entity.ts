import { BigIntType, Entity, EntityRepositoryType, Property } from '@mikro-orm/core';

import type { MisuseKind } from '@tic/domain';
import { AggregateRoot } from '@tic/platform';

import { MisuseFindingRepository } from './misuse-finding.repository';

/** A36: DST's finding that provincial funds were misused, with the amount to recover and its decisions. */
@Entity({ tableName: 'misuse_finding', repository: () => MisuseFindingRepository })
export class MisuseFinding extends AggregateRoot {
  [EntityRepositoryType]?: MisuseFindingRepository;

  @Property({ type: 'uuid', index: true })
  allocationId!: string;

  @Property({ type: 'uuid', index: true })
  centerId!: string;

  @Property({ type: 'text' })
  kind!: MisuseKind;

  @Property({ type: new BigIntType('number') })
  amountFen!: number;

  @Property({ type: 'text' })
  description!: string;

  @Property({ type: 'date' })
  foundOn!: string;

  @Property({ type: new BigIntType('number') })
  recoverFen!: number;

  @Property({ type: 'boolean' })
  suspendAllocation!: boolean;

  @Property({ type: 'boolean' })
  revocationProposed!: boolean;

  @Property({ type: 'text' })
  recordedBy!: string;
}
