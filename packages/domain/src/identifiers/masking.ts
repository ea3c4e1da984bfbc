const VISIBLE_HEAD = 4;
const VISIBLE_TAIL = 4;

/**
 * Masks a resident ID number for display (DOMAIN.md §6): the first and last four characters stay,
 * e.g. `2101**********1234`. Anything too short to keep both ends is masked whole.
 */
export function maskResidentId(id: string): string {
  const value = id.trim();
  if (value.length <= VISIBLE_HEAD + VISIBLE_TAIL) return '*'.repeat(value.length);
  const hidden = value.length - VISIBLE_HEAD - VISIBLE_TAIL;
  return `${value.slice(0, VISIBLE_HEAD)}${'*'.repeat(hidden)}${value.slice(-VISIBLE_TAIL)}`;
}
