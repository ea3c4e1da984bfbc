import { bindingPlatform, PEOPLE } from './population';
import { personName, registeredId, unregisteredId } from './resident-ids';

export interface RosterRow {
  readonly name: string;
  readonly idNumber: string;
  readonly kind: 'fixed' | 'floating';
}

/** Rows to check and how many conflicts the service must report for them. */
export interface RosterCase {
  readonly rows: RosterRow[];
  readonly expectedConflicts: number;
}

/** The platform whose roster is checked: platform 0, an active TIC. */
export const HOME_PLATFORM = 0;

// A 500-line roster of HOME_PLATFORM: 5% fixed staff of another active platform (the conflicts),
// its own fixed staff, people with no binding post (floating, ended, expired, on a closed platform,
// or none), people not registered yet, and floating lines, which A18 does not check.
const MIX = { conflicts: 25, ownStaff: 150, unbound: 150, unregistered: 100, floating: 75 } as const;
export const ROSTER_ROWS = Object.values(MIX).reduce((sum, n) => sum + n, 0);

/** Random rosters over the seeded population, reproducible from `seed`. */
export class RosterMaker {
  private readonly random: () => number;
  private readonly ownStaff: number[] = [];

  constructor(
    private readonly today: string,
    seed: number,
  ) {
    this.random = mulberry32(seed);
    for (let person = 0; person < PEOPLE; person += 1)
      if (bindingPlatform(person, today) === HOME_PLATFORM) this.ownStaff.push(person);
  }

  get homeStaff(): number {
    return this.ownStaff.length;
  }

  /** A random registered person. */
  person(): number {
    return Math.floor(this.random() * PEOPLE);
  }

  /** One line naming a random registered person as fixed staff, without a platform. */
  single(): RosterCase {
    const person = this.person();
    return { rows: [line(person)], expectedConflicts: bindingPlatform(person, this.today) === null ? 0 : 1 };
  }

  /** A roster of HOME_PLATFORM with exactly MIX.conflicts conflicting lines, shuffled. */
  roster(): RosterCase {
    const taken = new Set<number>();
    const pick = (accept: (person: number) => boolean, from: () => number = () => this.person()): number => {
      for (;;) {
        const person = from();
        if (!taken.has(person) && accept(person)) {
          taken.add(person);
          return person;
        }
      }
    };
    const binding = (person: number) => bindingPlatform(person, this.today);
    const rows: RosterRow[] = [];
    for (let i = 0; i < MIX.conflicts; i += 1)
      rows.push(line(pick((p) => binding(p) !== null && binding(p) !== HOME_PLATFORM)));
    // A small trial population (BENCH_PEOPLE) has too few staff on one platform: unbound people fill in.
    const ownStaff = Math.min(MIX.ownStaff, Math.floor(this.ownStaff.length / 2));
    for (let i = 0; i < ownStaff; i += 1)
      rows.push(
        line(
          pick(
            () => true,
            () => this.ownStaff[Math.floor(this.random() * this.ownStaff.length)] ?? 0,
          ),
        ),
      );
    for (let i = 0; i < MIX.unbound + MIX.ownStaff - ownStaff; i += 1)
      rows.push(line(pick((p) => binding(p) === null)));
    for (let i = 0; i < MIX.floating; i += 1) rows.push({ ...line(pick(() => true)), kind: 'floating' });
    const newcomers = new Set<number>();
    while (newcomers.size < MIX.unregistered) newcomers.add(Math.floor(this.random() * 100_000_000));
    for (const j of newcomers) rows.push({ name: personName(j), idNumber: unregisteredId(j), kind: 'fixed' });
    return { rows: shuffle(rows, this.random), expectedConflicts: MIX.conflicts };
  }
}

function line(person: number): RosterRow {
  return { name: personName(person), idNumber: registeredId(person), kind: 'fixed' };
}

function shuffle<T>(items: T[], random: () => number): T[] {
  for (let i = items.length - 1; i > 0; i -= 1) {
    const j = Math.floor(random() * (i + 1));
    [items[i], items[j]] = [items[j] as T, items[i] as T];
  }
  return items;
}

function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}
