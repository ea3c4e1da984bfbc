import type { CloudEvent } from '@tic/contracts';
import type { ResourceFacts } from '@tic/domain';

interface ApplicationEventData {
  readonly applicationId?: string;
  readonly to?: string;
  readonly supportingUnitId?: string;
  readonly constructionUnitId?: string;
  readonly recommenderId?: string;
  readonly coBuilderIds?: readonly string[];
}

/**
 * The application an event of the journal reports, as the policy sees it at the event's step (its `to`
 * status): a journal reader learns of an application only what it could read of it then.
 */
export function applicationEventFacts(event: CloudEvent): ResourceFacts | undefined {
  if (!event.type.startsWith('tic.application.')) return undefined;
  const data = event.data as ApplicationEventData;
  return {
    kind: 'application',
    ...(data.to === undefined ? {} : { status: data.to }),
    ...(data.supportingUnitId === undefined ? {} : { supportingUnitId: data.supportingUnitId }),
    ...(data.constructionUnitId === undefined ? {} : { constructionUnitId: data.constructionUnitId }),
    ...(data.recommenderId === undefined ? {} : { recommenderId: data.recommenderId }),
    ...(data.coBuilderIds === undefined ? {} : { coBuilderIds: data.coBuilderIds }),
  };
}
