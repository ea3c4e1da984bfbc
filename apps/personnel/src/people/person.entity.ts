import { Entity, EntityRepositoryType, Property } from '@mikro-orm/core';

import { AggregateRoot } from '@tic/platform';

import { PersonRepository } from './person.repository';

/** A person of the province-wide registry: one row per resident ID number. */
@Entity({ tableName: 'person', repository: () => PersonRepository })
export class Person extends AggregateRoot<'updatedAt' | 'title' | 'phone' | 'email' | 'fullTime'> {
  [EntityRepositoryType]?: PersonRepository;

  @Property({ type: 'text' })
  name!: string;

  /** AES-256-GCM of the number (iv, tag, body), bound to this row's id. */
  @Property({ type: 'text', lazy: true })
  idNumberCiphertext!: string;

  @Property({ type: 'text' })
  idNumberKeyId!: string;

  /** HMAC-SHA-256 of the number: what lookups and the duplicate check compare. */
  @Property({ type: 'text', unique: 'person_id_number_hash_unique' })
  idNumberHash!: string;

  @Property({ type: 'text' })
  idNumberMasked!: string;

  @Property({ type: 'text', nullable: true })
  title: string | null = null;

  @Property({ type: 'uuid', index: true })
  employerOrgId!: string;

  /** A15, A18: employed full-time by the employer, as the employer records it; not inferred from any post. */
  @Property({ type: 'boolean', default: true })
  fullTime: boolean = true;

  @Property({ type: 'uuid' })
  registeredByOrgId!: string;

  @Property({ type: 'text', nullable: true })
  phone: string | null = null;

  @Property({ type: 'text', nullable: true })
  email: string | null = null;

  @Property({ type: 'timestamptz', onUpdate: () => new Date() })
  updatedAt: Date = new Date();
}
