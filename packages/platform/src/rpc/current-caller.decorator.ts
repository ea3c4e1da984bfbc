import { createParamDecorator } from '@nestjs/common';

import { currentCallContext, type Caller } from '../context/call-context';
import { RpcFailure } from './rpc-failure';

/** The signed-in caller of an RPC; a request without one is refused as unauthenticated. */
export const CurrentCaller = createParamDecorator((_data: unknown): Caller => {
  const caller = currentCallContext()?.caller;
  if (caller === undefined) {
    throw RpcFailure.of('unauthenticated', { zh: '请求未携带调用者身份', en: 'The request carries no caller' });
  }
  return caller;
});

/** The caller of an RPC if there is one (public reads). */
export const OptionalCaller = createParamDecorator(
  (_data: unknown): Caller | undefined => currentCallContext()?.caller,
);
