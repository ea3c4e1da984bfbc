import { DEADLINE_ENTITIES } from '@tic/deadlines';
import { DirectoryCenter } from '@tic/platform';

import { Allocation } from './allocations/allocation.entity';
import { LedgerEntry } from './ledger/ledger-entry.entity';
import { MisuseFinding } from './misuse/misuse-finding.entity';
import { PolicySupportProposal } from './proposals/policy-support-proposal.entity';
import { FundingSourceLine } from './sources/funding-source-line.entity';

/** Every table of the funding schema (the platform's outbox and inbox are added by ormConfig). */
export const FUNDING_ENTITIES = [
  DirectoryCenter,
  ...DEADLINE_ENTITIES,
  Allocation,
  LedgerEntry,
  FundingSourceLine,
  PolicySupportProposal,
  MisuseFinding,
];
