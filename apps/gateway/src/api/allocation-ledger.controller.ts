import { Controller } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';

import { GetAllocation, ImportExpenditures, ListLedger, RecordExpenditure, ReverseExpenditure } from '@tic/contracts';
import { RpcClient } from '@tic/platform';

import { Input } from '../routing/input.decorator';
import { Route, RpcRoute } from '../routing/route.decorator';
import { CENTER_FUNDS_READERS } from './access-lists';
import { LEDGER_IMPORT_UPLOAD, LedgerImports, type LedgerUpload } from './ledger-import-upload';
import { ledgerTemplate } from './ledger-template';
import type { RpcInput } from './rpc-input';

const ALLOCATION = { id: 'allocationId' } as const;

/** A36 单独核算: an allocation's own ledger, written by the supporting unit, never edited. */
@ApiTags('funding')
@Controller('allocations')
export class AllocationLedgerController {
  constructor(
    private readonly rpc: RpcClient,
    private readonly imports: LedgerImports,
  ) {}

  @RpcRoute('GET', ':id/ledger', ListLedger, { access: CENTER_FUNDS_READERS, params: ALLOCATION })
  list(@Input() input: RpcInput<typeof ListLedger>) {
    return this.rpc.request(ListLedger, input);
  }

  // Read as the allocation is, so that a unit of another center learns nothing of it from its template.
  @Route('GET', ':id/ledger/template.xlsx', {
    summary: 'A36: the workbook to fill in for the ledger import, with drop-down lists of the allocation’s categories',
    request: GetAllocation.request,
    response: 'xlsx',
    rpc: GetAllocation,
    access: CENTER_FUNDS_READERS,
    params: ALLOCATION,
  })
  async template(@Input() input: RpcInput<typeof GetAllocation>) {
    return ledgerTemplate(await this.rpc.request(GetAllocation, input));
  }

  @RpcRoute('POST', ':id/ledger', RecordExpenditure, {
    access: ['supporting_unit'],
    status: 201,
    idempotent: true,
    params: ALLOCATION,
  })
  record(@Input() input: RpcInput<typeof RecordExpenditure>) {
    return this.rpc.request(RecordExpenditure, input);
  }

  // All or nothing: a retried upload with its Idempotency-Key is answered once, never recorded twice.
  @RpcRoute('POST', ':id/ledger/import', ImportExpenditures, {
    access: ['supporting_unit'],
    idempotent: true,
    params: ALLOCATION,
    upload: LEDGER_IMPORT_UPLOAD,
  })
  import(@Input() input: RpcInput<typeof ImportExpenditures> | LedgerUpload) {
    return this.imports.import(input);
  }

  @RpcRoute('POST', ':id/ledger/:entryId/reversal', ReverseExpenditure, {
    access: ['supporting_unit'],
    status: 201,
    idempotent: true,
    params: ALLOCATION,
  })
  reverse(@Input() input: RpcInput<typeof ReverseExpenditure>) {
    return this.rpc.request(ReverseExpenditure, input);
  }
}
