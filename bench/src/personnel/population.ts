import { PLATFORM_KINDS, type PlatformKind, type StaffRole } from '@tic/domain';

// BENCH_PEOPLE (a multiple of 25) shrinks the population for a quick trial run of the script itself.
export const PEOPLE = Number(process.env.BENCH_PEOPLE ?? 1_000_000);
export const PLATFORMS = 3000;
const ORGANIZATIONS = 20_000;

/** Every 50th platform has closed: its posts bind no one (A18). */
export const isClosedPlatform = (platform: number): boolean => platform % 50 === 49;

// Time-ordered UUID v7-shaped ids, computed from (kind of row, number) so that an appointment can name
// its person without a lookup; the version nibble is 7 and the variant 10, as newId() gives.
const BASE_MS = Date.UTC(2026, 0, 1);
const TAGS = { organization: 1, platform: 2, person: 3, appointment: 4 } as const;

export function benchId(kind: keyof typeof TAGS, n: number): string {
  const ms = (BASE_MS + Math.floor(n / 4096)).toString(16).padStart(12, '0');
  const sequence = (n % 4096).toString(16).padStart(3, '0');
  return `${ms.slice(0, 8)}-${ms.slice(8)}-7${sequence}-${(0x8000 + TAGS[kind]).toString(16)}-${n.toString(16).padStart(12, '0')}`;
}

export const organizationId = (n: number): string => benchId('organization', n % ORGANIZATIONS);
/** The organization DST registers people under; the caller of the benchmark belongs to it. */
export const DST_ORG_ID = organizationId(0);

/** A 32-bit integer hash (murmur3's finalizer): the same person always gets the same posts. */
export function mix(n: number, salt = 0): number {
  let h = (n ^ Math.imul(salt + 1, 0x9e3779b1)) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b) >>> 0;
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35) >>> 0;
  return (h ^ (h >>> 16)) >>> 0;
}

export interface PlatformPlan {
  readonly kind: PlatformKind;
  readonly closed: boolean;
  readonly name: string;
}

const CITIES = [
  '沈阳',
  '大连',
  '鞍山',
  '抚顺',
  '本溪',
  '丹东',
  '锦州',
  '营口',
  '阜新',
  '辽阳',
  '盘锦',
  '铁岭',
  '朝阳',
  '葫芦岛',
];
const FIELDS = [
  '智能装备',
  '新材料',
  '生物医药',
  '集成电路',
  '海洋工程',
  '精细化工',
  '现代农业',
  '能源装备',
  '工业软件',
  '先进制造',
];
const KIND_NAMES: Record<PlatformKind, string> = {
  technology_innovation_center: '技术创新中心',
  key_laboratory: '重点实验室',
  engineering_research_center: '工程研究中心',
  enterprise_technology_center: '企业技术中心',
  new_rnd_institution: '新型研发机构',
  other: '科技创新平台',
};

export function platformPlan(platform: number): PlatformPlan {
  const kind = PLATFORM_KINDS[platform % PLATFORM_KINDS.length] ?? 'other';
  const city = CITIES[platform % CITIES.length] ?? '沈阳';
  const field = FIELDS[Math.floor(platform / CITIES.length) % FIELDS.length] ?? '先进制造';
  return {
    kind,
    closed: isClosedPlatform(platform),
    name: `辽宁省${city}${field}${KIND_NAMES[kind]}（${platform + 1}）`,
  };
}

export interface PostPlan {
  readonly kind: 'fixed' | 'floating';
  readonly status: 'active' | 'awaiting_waiver' | 'ended';
  readonly platform: number;
  readonly role: StaffRole;
  readonly startsOn: string;
  readonly endsOn: string | null;
}

// Person i falls in bucket i mod 25, so that 1,000,000 people hold exactly 1,000,000 posts:
// 2 none; 2 fixed + floating elsewhere; 14 fixed; 1 fixed past its end date; 1 fixed awaiting a
// waiver; 3 floating; 2 fixed and ended. 80% of posts are fixed, 8% ended.
const BUCKETS = 25;
const ROLES: readonly StaffRole[] = [
  'researcher',
  'researcher',
  'researcher',
  'researcher',
  'researcher',
  'researcher',
  'technician',
  'technician',
  'manager',
  'auxiliary',
  'deputy_director',
];

export function postsOf(person: number): PostPlan[] {
  const bucket = person % BUCKETS;
  const post = (
    kind: PostPlan['kind'],
    status: PostPlan['status'],
    salt: number,
    endsOn: string | null = null,
  ): PostPlan => {
    const h = mix(person, salt);
    const year = 2015 + (h % 11);
    const month = String(1 + ((h >>> 8) % 12)).padStart(2, '0');
    return {
      kind,
      status,
      platform: h % PLATFORMS,
      role: ROLES[(h >>> 16) % ROLES.length] ?? 'researcher',
      startsOn: `${year}-${month}-01`,
      endsOn,
    };
  };
  if (bucket < 2) return [];
  if (bucket < 4) return [post('fixed', 'active', 1), post('floating', 'active', 2)];
  if (bucket < 18) return [post('fixed', 'active', 1)];
  if (bucket === 18) return [post('fixed', 'active', 1, '2026-06-30')];
  if (bucket === 19) return [post('fixed', 'awaiting_waiver', 1)];
  if (bucket < 23) return [post('floating', 'active', 2)];
  return [post('fixed', 'ended', 1, '2025-12-31')];
}

/** The platform that binds person i under A18 on `today`, as findFixedPosts should find it; null if none. */
export function bindingPlatform(person: number, today: string): number | null {
  for (const post of postsOf(person)) {
    const binds = post.kind === 'fixed' && post.status !== 'ended' && (post.endsOn === null || post.endsOn >= today);
    if (binds && !isClosedPlatform(post.platform)) return post.platform;
  }
  return null;
}
