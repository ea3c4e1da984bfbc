import { RpcFailure } from '../rpc/rpc-failure';
import { classifyRpcFailure, rpcMethodOf } from './rpc-outcome';

describe('an RPC outcome for the metrics', () => {
  it('counts what the caller caused as refused, with its problem code', () => {
    expect(classifyRpcFailure(RpcFailure.of('conflict'))).toEqual({ outcome: 'refused', code: 'conflict' });
    expect(classifyRpcFailure(RpcFailure.invalidInput([]))).toEqual({ outcome: 'refused', code: 'invalid_input' });
  });

  it("counts the service's own faults as errors: anything unexpected, internal, unavailable", () => {
    expect(classifyRpcFailure(new TypeError('x is undefined'))).toEqual({ outcome: 'error' });
    expect(classifyRpcFailure(RpcFailure.of('internal'))).toEqual({ outcome: 'error', code: 'internal' });
    expect(classifyRpcFailure(RpcFailure.of('unavailable'))).toEqual({ outcome: 'error', code: 'unavailable' });
  });

  it('labels an RPC by its operation, without the service prefix', () => {
    expect(rpcMethodOf('tic.rpc.funding.allocations.create', 'funding')).toBe('allocations.create');
  });
});
