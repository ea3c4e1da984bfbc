import { defineRefusals } from '../rpc/refusals';

/** Why a service does not believe who an RPC says its caller is (401 at the gateway). */
export const CALLER_REFUSALS = defineRefusals('caller', {
  assertion_missing: {
    status: 'unauthenticated',
    zh: '请求未携带网关签发的调用者声明',
    en: 'The request carries no caller assertion signed by the gateway',
  },
  assertion_invalid: {
    status: 'unauthenticated',
    zh: '调用者声明无效：{why}',
    en: 'The caller assertion is not valid: {why}',
  },
  assertion_expired: {
    status: 'unauthenticated',
    zh: '调用者声明已过期',
    en: 'The caller assertion has expired',
  },
});
