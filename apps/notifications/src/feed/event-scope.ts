import type { TicEvent } from '@tic/contracts';

/**
 * The center an event concerns, for the centers filter and per-center ordering: `data.centerId`, or the
 * subject of a center event. Application events have no center yet and match no center filter.
 */
export function centerOfEvent(event: TicEvent): string | null {
  const data = event.data as { centerId?: unknown };
  if (typeof data.centerId === 'string') return data.centerId;
  return event.type.startsWith('tic.center.') ? event.subject : null;
}

/** 210102 (和平区) → 210100 (沈阳市): the city of a six-digit division code. */
export function cityOfRegion(regionCode: string | null | undefined): string | null {
  if (regionCode === null || regionCode === undefined || !/^\d{6}$/.test(regionCode)) return null;
  return `${regionCode.slice(0, 4)}00`;
}

/** The status an application event leaves its application in, for the readers who see applications only in some. */
export function applicationStatusOf(event: TicEvent): string | null {
  if (!event.type.startsWith('tic.application.')) return null;
  const to = (event.data as { to?: unknown }).to;
  return typeof to === 'string' ? to : null;
}
