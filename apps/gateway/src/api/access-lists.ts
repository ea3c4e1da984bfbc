import { ROLES, type Role } from '@tic/domain';

/** Who reads applications (the service narrows each to its scope); evaluators work on centers only. */
export const APPLICATION_READERS: readonly Role[] = ROLES.filter((role) => role !== 'evaluator');
