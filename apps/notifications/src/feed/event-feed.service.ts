import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';

import type { ListFeedEvents, RpcResponse } from '@tic/contracts';
import { listScope } from '@tic/domain';
import { type Caller, type In, requireAccess } from '@tic/platform';

import { FEED_TABLE } from './feed-recorder';
import { applicationScopeSql, feedFilterSql } from './feed-filter-sql';

/** CONTRACT.md (Events, way 3): agencies pull the feed after a position, filtered like a webhook subscription. */
@Injectable()
export class EventFeedService {
  constructor(private readonly entityManager: EntityManager) {}

  async list(input: In<typeof ListFeedEvents>, caller: Caller): Promise<RpcResponse<typeof ListFeedEvents>> {
    requireAccess(caller, 'event_feed.read', { kind: 'event_feed' });
    const filter = feedFilterSql(input);
    const scope = applicationScopeSql(listScope(caller, 'application'));
    const rows = await this.entityManager.fork().execute<{ position: string; document: Record<string, unknown> }[]>(
      `select position, document from ${FEED_TABLE}
        where position > ? ${filter.sql} ${scope.sql}
        order by position
        limit ?`,
      [input.after, ...filter.params, ...scope.params, input.limit],
    );
    // pg answers a bigint as a string, which is what a position is.
    const events = rows.map((row) => ({ ...row.document, position: row.position })) as RpcResponse<
      typeof ListFeedEvents
    >['events'];
    return { events, nextCursor: rows.at(-1)?.position ?? input.after };
  }
}
