import { CenterScopedRepository } from '../shared/center-scoped.repository';
import type { MisuseFinding } from './misuse-finding.entity';

/** A36: misuse findings in the caller's scope, seen as their center is. */
export class MisuseFindingRepository extends CenterScopedRepository<MisuseFinding> {
  protected readonly kind = 'misuse_finding';
}
