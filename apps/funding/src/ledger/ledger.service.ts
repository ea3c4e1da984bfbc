import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';

import { ImportExpenditures, isoDate, type ListLedger, RecordExpenditure, ReverseExpenditure } from '@tic/contracts';
import { Clock } from '@tic/deadlines';
import {
  balancesByCategory,
  type CategoryBalance,
  checkExpenditure,
  checkReversal,
  checkSpentOn,
  type ExpenseCategory,
  LEDGER_ARTICLE,
  type LedgerProblem,
  parseExpenseCategory,
  parseYesNo,
  yuanToFen,
} from '@tic/domain';
import { type Caller, type In, newId, pageOf, refuse, requireAccess, RpcFailure, UnitOfWork } from '@tic/platform';

import { Allocation } from '../allocations/allocation.entity';
import { allocationBalances, allocationTotals } from '../allocations/allocation-view';
import { FUNDING_REFUSALS } from '../shared/funding.refusals';
import { LedgerEntry } from './ledger-entry.entity';
import { toEntryDto } from './ledger-view';

export interface Expenditure {
  readonly spentOn: string;
  readonly amountFen: number;
  readonly category: ExpenseCategory;
  readonly payee: string;
  readonly voucherRef: string;
  readonly procurement: boolean;
  readonly stateAsset: boolean;
  readonly note?: string | undefined;
}

export interface ImportProblem {
  readonly row: number;
  readonly field: string;
  readonly message: string;
  readonly article?: string;
}

/**
 * A36 单独核算、专款专用: the supporting unit's ledger of one allocation. Every entry locks the allocation's
 * row (select … for update), so that two expenditures at once never overspend a category and the
 * entries are numbered without gaps.
 */
@Injectable()
export class LedgerService {
  constructor(
    private readonly entityManager: EntityManager,
    private readonly uow: UnitOfWork,
    private readonly clock: Clock,
  ) {}

  record(input: In<typeof RecordExpenditure>, caller: Caller) {
    return this.uow.run(RecordExpenditure, input, async ({ em }) => {
      const row = await this.lockForEntry(em, input.allocationId, caller);
      const problem =
        checkSpentOn(input.spentOn, row.fiscalYear, this.clock.today()) ??
        checkExpenditure(allocationBalances(row), input);
      if (problem !== null) throw ledgerRefusal(problem);
      const entry = this.append(em, row, caller, { kind: 'expenditure', ...input });
      return { entry: toEntryDto(entry), balances: allocationBalances(row) };
    });
  }

  reverse(input: In<typeof ReverseExpenditure>, caller: Caller) {
    return this.uow.run(ReverseExpenditure, input, async ({ em }) => {
      const row = await this.lockForEntry(em, input.allocationId, caller, ['active', 'suspended']);
      const original = await em.findOne(LedgerEntry, { id: input.entryId, allocationId: row.id });
      if (original === null) {
        throw refuse(FUNDING_REFUSALS.entry_unknown, {}, { errors: [{ path: 'entryId', message: 'unknown' }] });
      }
      const problem = checkReversal(original);
      if (problem?.code === 'already_reversed') {
        throw refuse(FUNDING_REFUSALS.already_reversed, {}, { errors: [{ path: 'entryId', message: 'reversed' }] });
      }
      if (problem !== null) throw ledgerRefusal(problem);
      const reversal = this.append(em, row, caller, {
        kind: 'reversal',
        spentOn: original.spentOn,
        amountFen: -original.amountFen,
        category: original.category,
        payee: original.payee,
        voucherRef: original.voucherRef,
        procurement: original.procurement,
        stateAsset: original.stateAsset,
        note: input.reason,
        reverses: original.id,
      });
      original.reversedBy = reversal.id;
      return { entry: toEntryDto(reversal), balances: allocationBalances(row) };
    });
  }

  async list(input: In<typeof ListLedger>, caller: Caller) {
    const em = this.entityManager.fork();
    const row = await em.getRepository(Allocation).findVisibleAs(input.allocationId, caller, 'ledger_entry');
    // The cursor is the last entry's id; the page goes on after that entry's sequence (ids made in one
    // millisecond need not follow the sequence).
    let after = 0;
    if (input.cursor) {
      const last = await em.findOne(LedgerEntry, { id: input.cursor, allocationId: row.id });
      if (last === null) return { items: [] };
      after = last.sequence;
    }
    const found = await em.find(
      LedgerEntry,
      { allocationId: row.id, sequence: { $gt: after } },
      { orderBy: { sequence: 'asc' }, limit: input.limit + 1 },
    );
    return pageOf(found, input.limit, (entry) => entry.id, toEntryDto);
  }

  /** All or nothing: every line checked (the budget cumulatively, in order); written if all are good, unless dry. */
  import(input: In<typeof ImportExpenditures>, caller: Caller) {
    return this.uow.run(ImportExpenditures, input, async ({ em }) => {
      const row = await this.lockForEntry(em, input.allocationId, caller);
      const today = this.clock.today();
      const problems: ImportProblem[] = [];
      const good: Expenditure[] = [];
      let balances: CategoryBalance[] = allocationBalances(row);
      for (const line of input.rows) {
        const parsed = parseLine(line, problems);
        if (parsed === null) continue;
        const problem = checkSpentOn(parsed.spentOn, row.fiscalYear, today) ?? checkExpenditure(balances, parsed);
        if (problem !== null) {
          problems.push({
            row: line.row,
            field: problem.field === 'amountFen' ? 'amountYuan' : problem.field,
            message: problem.message.zh,
            article: problem.article,
          });
          continue;
        }
        balances = balancesByCategory(
          row.budget,
          balances.map((b) => ({
            category: b.category,
            amountFen: b.spentFen + (b.category === parsed.category ? parsed.amountFen : 0),
          })),
        );
        good.push(parsed);
      }
      if (problems.length > 0 || input.dryRun) return { imported: 0, problems, balances: allocationBalances(row) };
      for (const expenditure of good) this.append(em, row, caller, { kind: 'expenditure', ...expenditure });
      return { imported: good.length, problems: [], balances: allocationBalances(row) };
    });
  }

  /** The allocation locked for a ledger entry, seen by the caller, whose supporting unit the caller is. */
  private async lockForEntry(
    em: EntityManager,
    allocationId: string,
    caller: Caller,
    open: readonly Allocation['status'][] = ['active'],
  ): Promise<Allocation> {
    const rows = em.getRepository(Allocation);
    const row = await rows.findVisibleForUpdate(allocationId, caller, 'ledger_entry');
    requireAccess(caller, 'ledger_entry.record', await rows.factsAs('ledger_entry', row));
    if (!open.includes(row.status)) {
      throw refuse(
        FUNDING_REFUSALS.allocation_not_active,
        { status: row.status === 'closed' ? '已结算（closed）' : '已暂停（suspended）' },
        { errors: [{ path: 'allocationId', message: `the allocation is ${row.status}` }] },
      );
    }
    return row;
  }

  /** Appends one entry under the allocation's lock: the next sequence, the spent amounts, the balance after. */
  private append(
    em: EntityManager,
    row: Allocation,
    caller: Caller,
    entry: Expenditure & { readonly kind: LedgerEntry['kind']; readonly reverses?: string },
  ): LedgerEntry {
    row.entryCount += 1;
    row.spent = { ...row.spent, [entry.category]: (row.spent[entry.category] ?? 0) + entry.amountFen };
    const created = em.create(LedgerEntry, {
      id: newId(),
      allocationId: row.id,
      sequence: row.entryCount,
      kind: entry.kind,
      spentOn: entry.spentOn,
      amountFen: entry.amountFen,
      category: entry.category,
      payee: entry.payee,
      voucherRef: entry.voucherRef,
      procurement: entry.procurement,
      stateAsset: entry.stateAsset,
      reverses: entry.reverses ?? null,
      note: entry.note ?? null,
      recordedBy: caller.name,
      recordedByUserId: caller.userId,
      balanceAfterFen: allocationTotals(row).remainingFen,
      recordedAt: new Date(),
    });
    em.persist(created);
    return created;
  }
}

/**
 * A36: a ledger refusal as a 422 naming the field and the article, coded by the rule that refused it
 * (`funding.over_budget`, …) so that a client can tell them apart without reading the message.
 */
function ledgerRefusal(problem: LedgerProblem): RpcFailure {
  const { error } = refuse(
    FUNDING_REFUSALS.ledger_refused,
    { zh: problem.message.zh, en: problem.message.en },
    { errors: [{ path: problem.field, message: problem.message.en }] },
  );
  return new RpcFailure({ ...error, reason: `funding.${problem.code}` });
}

function parseLine(line: In<typeof ImportExpenditures>['rows'][number], problems: ImportProblem[]): Expenditure | null {
  const before = problems.length;
  const bad = (field: string, message: string) =>
    problems.push({ row: line.row, field, message, article: LEDGER_ARTICLE });
  const spentOn = line.spentOn.trim();
  if (!isoDate.safeParse(spentOn).success) bad('spentOn', `支出日期须为YYYY-MM-DD的日期：${line.spentOn}`);
  const amountFen = yuanToFen(line.amountYuan);
  if (amountFen === null || amountFen <= 0) bad('amountYuan', `金额须为正数（元），至多两位小数：${line.amountYuan}`);
  const category = parseExpenseCategory(line.category);
  if (category === null) bad('category', `支出科目须为设备费、业务费、劳务费或间接费用：${line.category}`);
  const payee = line.payee.trim();
  if (payee === '' || payee.length > 200) bad('payee', '收款单位（人）须填写，至多200字');
  const voucherRef = line.voucherRef.trim();
  if (voucherRef === '' || voucherRef.length > 100) bad('voucherRef', '凭证号须填写，至多100字');
  const procurement = parseYesNo(line.procurement);
  if (procurement === null) bad('procurement', `政府采购须填是或否：${line.procurement}`);
  const stateAsset = parseYesNo(line.stateAsset);
  if (stateAsset === null) bad('stateAsset', `形成国有资产须填是或否：${line.stateAsset}`);
  const note = line.note.trim();
  if (note.length > 1000) bad('note', '备注至多1000字');
  if (
    problems.length > before ||
    amountFen === null ||
    category === null ||
    procurement === null ||
    stateAsset === null
  )
    return null;
  return {
    spentOn,
    amountFen,
    category,
    payee,
    voucherRef,
    procurement,
    stateAsset,
    ...(note === '' ? {} : { note }),
  };
}
