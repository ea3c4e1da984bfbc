import type { LocalizedText } from '@tic/domain';

import type { EventData, EventType } from '../event-catalogue';

/** What someone is told of an event: what happened, what to do next, and where (a path of the API). */
export interface Notice {
  readonly title: LocalizedText;
  readonly body: LocalizedText;
  readonly link: string;
}

/** Renders the notice of one event type from its data (and the aggregate id, the event's subject). */
export type NoticeTemplate<T extends EventType> = (data: EventData<T>, subject: string) => Notice;

/** The notices of some event types, each typed by the data of its own type. */
export type NoticeTemplates<T extends EventType> = { readonly [K in T]: NoticeTemplate<K> };

/** The API's base path: a notice's link is where the recipient acts. */
export const API_BASE = '/api/v1';

/** A notice's text in both languages; the second argument of each pair is English. */
export function notice(title: [zh: string, en: string], body: [zh: string, en: string], link: string): Notice {
  return { title: { zh: title[0], en: title[1] }, body: { zh: body[0], en: body[1] }, link: `${API_BASE}${link}` };
}
