import { randomUUID } from 'node:crypto';

import { Client } from 'pg';

import type { ExpenseCategory } from '@tic/domain';

import type { BenchAllocation } from './funding-world';
import type { Outcome, PlannedExpenditure } from './ledger-workload';

// The service's ledger write without the service: the same row lock, balance check, numbered entry and
// running totals, as prepared statements on a plain connection. The floor the service's path stands on.
const LOCK = {
  name: 'bench-lock-allocation',
  text: `select budget, spent, entry_count from funding.allocation where id = $1 and status = 'active' for update`,
};
const INSERT = {
  name: 'bench-insert-entry',
  text: `insert into funding.ledger_entry (id, allocation_id, sequence, kind, spent_on, amount_fen, category, payee,
           voucher_ref, procurement, state_asset, reverses, reversed_by, note, recorded_by, recorded_by_user_id,
           balance_after_fen, recorded_at)
         values ($1, $2, $3, 'expenditure', $4, $5, $6, $7, $8, false, false, null, null, null, $9, $10, $11, now())`,
};
const UPDATE = {
  name: 'bench-update-allocation',
  text: `update funding.allocation set spent = $2, entry_count = $3, version = version + 1, updated_at = now() where id = $1`,
};

type Row = {
  budget: { category: ExpenseCategory; amountFen: number }[];
  spent: Partial<Record<ExpenseCategory, number>>;
  entry_count: number;
};

/** One connection of the baseline: records an expenditure in its own transaction, or refuses it. */
export class RawLedgerClient {
  private constructor(private readonly client: Client) {}

  static async connect(databaseUrl: string): Promise<RawLedgerClient> {
    const client = new Client({ connectionString: databaseUrl });
    await client.connect();
    return new RawLedgerClient(client);
  }

  async record(allocation: BenchAllocation, expenditure: PlannedExpenditure, spentOn: string): Promise<Outcome> {
    await this.client.query('begin');
    try {
      const { rows } = await this.client.query<Row>({ ...LOCK, values: [allocation.id] });
      const row = rows[0];
      if (row === undefined) throw new Error(`allocation ${allocation.id} is not active`);
      const budget = row.budget.find((line) => line.category === expenditure.category)?.amountFen ?? 0;
      const spentInCategory = row.spent[expenditure.category] ?? 0;
      if (expenditure.amountFen > budget - spentInCategory) {
        await this.client.query('rollback');
        return 'refused';
      }
      const spent = { ...row.spent, [expenditure.category]: spentInCategory + expenditure.amountFen };
      const total = row.budget.reduce((sum, line) => sum + line.amountFen, 0);
      const spentTotal = Object.values(spent).reduce((sum, fen) => sum + fen, 0);
      const sequence = row.entry_count + 1;
      const { supportingUnit } = allocation;
      await this.client.query({
        ...INSERT,
        values: [
          randomUUID(),
          allocation.id,
          sequence,
          spentOn,
          expenditure.amountFen,
          expenditure.category,
          '沈阳示范仪器有限公司',
          `记-${sequence}`,
          supportingUnit.name,
          supportingUnit.userId,
          total - spentTotal,
        ],
      });
      await this.client.query({ ...UPDATE, values: [allocation.id, JSON.stringify(spent), sequence] });
      await this.client.query('commit');
      return 'recorded';
    } catch (error) {
      await this.client.query('rollback').catch(() => undefined);
      throw error;
    }
  }

  close(): Promise<void> {
    return this.client.end();
  }
}
