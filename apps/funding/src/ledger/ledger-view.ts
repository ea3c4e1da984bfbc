import type { LedgerEntryDto } from '@tic/contracts';

import type { LedgerEntry } from './ledger-entry.entity';

/** A ledger line as the contracts show it. */
export function toEntryDto(entry: LedgerEntry): LedgerEntryDto {
  return {
    id: entry.id,
    allocationId: entry.allocationId,
    sequence: entry.sequence,
    kind: entry.kind,
    spentOn: entry.spentOn,
    amountFen: entry.amountFen,
    category: entry.category,
    payee: entry.payee,
    voucherRef: entry.voucherRef,
    procurement: entry.procurement,
    stateAsset: entry.stateAsset,
    reverses: entry.reverses,
    reversedBy: entry.reversedBy,
    note: entry.note,
    recordedBy: entry.recordedBy,
    recordedAt: entry.recordedAt.toISOString(),
    balanceAfterFen: entry.balanceAfterFen,
  };
}
