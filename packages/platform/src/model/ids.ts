import { v5 as uuidv5, v7 as uuidv7 } from 'uuid';

// Namespace of the platform's name-based ids (seeded organizations, calendar years).
const TIC_NAMESPACE = '6f1c4c5e-2f0b-4f6e-9a57-3c1d2b8e7a10';

/** A new id: UUID v7, so that ids sort by creation and serve as list cursors. */
export function newId(): string {
  return uuidv7();
}

/** A stable id derived from a name, for seeds and other records that must have the same id everywhere. */
export function stableId(name: string): string {
  return uuidv5(name, TIC_NAMESPACE);
}
