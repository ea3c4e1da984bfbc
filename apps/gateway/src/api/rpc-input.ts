import type { z } from 'zod';

import type { RpcDefinition } from '@tic/contracts';

/** The validated request of an RPC, as @Input() hands it to a controller. */
export type RpcInput<D extends RpcDefinition> = z.output<D['request']>;
