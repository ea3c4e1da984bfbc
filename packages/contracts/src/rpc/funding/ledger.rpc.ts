import { z } from 'zod';

import { LEDGER_ENTRY_KINDS } from '@tic/domain';

import { entityId, instant, isoDate } from '../../schemas';
import { defineRpc } from '../define-rpc';
import { pageOf, pageRequest } from '../paging';
import { categoryBalanceSchema } from './allocations.rpc';
import { expenseCategorySchema, fen, positiveFen } from './money';

/**
 * A36 单独核算: one line of an allocation's ledger. An expenditure has a positive amount; a reversal
 * has the negative of the one it reverses and names it. Nothing is ever edited or deleted.
 */
export const ledgerEntrySchema = z.object({
  id: entityId,
  allocationId: entityId,
  sequence: z.number().int().min(1).describe('the entry’s place in its allocation’s ledger, from 1, without gaps'),
  kind: z.enum(LEDGER_ENTRY_KINDS),
  spentOn: isoDate,
  amountFen: z.number().int().describe('positive for an expenditure, negative for a reversal'),
  category: expenseCategorySchema,
  payee: z.string(),
  voucherRef: z.string().describe('凭证号: the accounting voucher it rests on'),
  procurement: z.boolean().describe('A34: bought through government procurement'),
  stateAsset: z.boolean().describe('A34: becomes a state-owned asset'),
  reverses: entityId.nullable(),
  reversedBy: entityId.nullable(),
  note: z.string().nullable(),
  recordedBy: z.string(),
  recordedAt: instant,
  balanceAfterFen: fen.describe('the allocation’s remaining balance right after this entry'),
});
export type LedgerEntryDto = z.output<typeof ledgerEntrySchema>;

const expenditureFields = {
  spentOn: isoDate,
  amountFen: positiveFen,
  category: expenseCategorySchema,
  payee: z.string().trim().min(1).max(200),
  voucherRef: z.string().trim().min(1).max(100),
  procurement: z.boolean().default(false),
  stateAsset: z.boolean().default(false),
  note: z.string().trim().max(1000).optional(),
};

const recordedEntry = z.object({ entry: ledgerEntrySchema, balances: z.array(categoryBalanceSchema) });

export const RecordExpenditure = defineRpc({
  service: 'funding',
  operation: 'ledger.record',
  summary:
    'A36: the supporting unit records an expenditure against one allocation; beyond the category’s remaining budget or outside its categories is refused',
  request: z.object({ allocationId: entityId, ...expenditureFields }),
  response: recordedEntry,
});

export const ReverseExpenditure = defineRpc({
  service: 'funding',
  operation: 'ledger.reverse',
  summary: 'A36: a correction is a reversing entry of the whole expenditure, never an edit; record the right one after',
  request: z.object({
    allocationId: entityId,
    entryId: entityId,
    reason: z.string().trim().min(1).max(1000),
  }),
  response: recordedEntry,
});

export const ListLedger = defineRpc({
  service: 'funding',
  operation: 'ledger.list',
  summary: 'An allocation’s ledger in order of entry',
  request: z.object({ allocationId: entityId, ...pageRequest }),
  response: pageOf(ledgerEntrySchema),
});

/** One line of an uploaded workbook as read, every cell a string: the service reads and checks each. */
export const ledgerImportRowSchema = z.object({
  row: z.number().int().min(1).describe('the line number the spreadsheet shows'),
  spentOn: z.string(),
  amountYuan: z.string().describe('元, at most two decimals, e.g. 12345.60'),
  category: z.string().describe('a category code or its Chinese name (设备费、业务费、劳务费、间接费用)'),
  payee: z.string(),
  voucherRef: z.string(),
  procurement: z.string().describe('是/否 or yes/no; empty is no'),
  stateAsset: z.string().describe('是/否 or yes/no; empty is no'),
  note: z.string(),
});

export const ledgerImportProblemSchema = z.object({
  row: z.number().int(),
  field: z.string(),
  message: z.string(),
  article: z.string().optional(),
});

export const ImportExpenditures = defineRpc({
  service: 'funding',
  operation: 'ledger.import',
  summary:
    'A36: a year’s expenditures from a workbook, all or nothing: every bad line reported by row, nothing written unless all are good',
  bulk: true,
  request: z.object({
    allocationId: entityId,
    rows: z.array(ledgerImportRowSchema).min(1).max(20_000),
    dryRun: z.boolean().default(false).describe('check every line, write nothing'),
  }),
  response: z.object({
    imported: z.number().int(),
    problems: z.array(ledgerImportProblemSchema).describe('empty when the lines were recorded'),
    balances: z.array(categoryBalanceSchema),
  }),
});
