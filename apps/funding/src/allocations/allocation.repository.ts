import { CenterScopedRepository } from '../shared/center-scoped.repository';
import type { Allocation } from './allocation.entity';

/** A33–A36: allocations in the caller's scope, seen as their center is. */
export class AllocationRepository extends CenterScopedRepository<Allocation> {
  protected readonly kind = 'allocation';
}
