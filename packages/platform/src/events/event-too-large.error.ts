import { RpcFailure } from '../rpc/rpc-failure';

/**
 * An event whose serialized document exceeds what the event path can carry (EventOutbox.record). A
 * refusal (invalid_input, a 4xx), not an internal error: the request carried more than the change may.
 */
export class EventTooLargeError extends RpcFailure {
  constructor(
    readonly type: string,
    readonly bytes: number,
    readonly limit: number,
  ) {
    super(
      RpcFailure.of('invalid_input', {
        zh: `变更过大，无法记录（事件 ${type} 为 ${bytes} 字节，上限 ${limit} 字节），未作任何修改`,
        en: `The change is too large to record (event ${type} is ${bytes} bytes serialized, the limit is ${limit}); nothing was changed`,
      }).error,
    );
  }
}
