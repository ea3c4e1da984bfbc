import { residentIdCheckCharacter } from '@tic/domain';

// Districts of Shenyang, Dalian, Anshan, Fushun, Benxi and Dandong (GB/T 2260).
const REGIONS = [
  '210102',
  '210103',
  '210104',
  '210105',
  '210106',
  '210111',
  '210112',
  '210113',
  '210114',
  '210115',
  '210202',
  '210203',
  '210204',
  '210211',
  '210212',
  '210213',
  '210302',
  '210303',
  '210402',
  '210502',
] as const;
const FIRST_BIRTH_DAY = Date.UTC(1958, 0, 1);
const BIRTH_DAYS = 16_000; // to 2001-10
const SEQUENCES = 1000;
const DAY_MS = 86_400_000;
// Coprime with REGIONS × BIRTH_DAYS (2^9 · 5^4), so that scattering the numbers keeps them distinct.
const SCATTER = 7919;

const BIRTH_DATES = Array.from({ length: BIRTH_DAYS }, (_, day) =>
  new Date(FIRST_BIRTH_DAY + day * DAY_MS).toISOString().slice(0, 10).replaceAll('-', ''),
);

/**
 * The n-th resident ID number (GB 11643) of the benchmark: a Liaoning district, a real birth date
 * and the check character. Distinct n give distinct numbers (n < 320 million).
 */
export function residentId(n: number): string {
  const sequence = n % SEQUENCES;
  const scattered = (Math.floor(n / SEQUENCES) * SCATTER) % (REGIONS.length * BIRTH_DAYS);
  const region = REGIONS[Math.floor(scattered / BIRTH_DAYS)] ?? REGIONS[0];
  const first17 = `${region}${BIRTH_DATES[scattered % BIRTH_DAYS] ?? ''}${String(sequence).padStart(3, '0')}`;
  return first17 + residentIdCheckCharacter(first17);
}

/** The number of registered person `i`; numbers of people not registered are residentId(2j + 1). */
export function registeredId(person: number): string {
  return residentId(2 * person);
}

/** A number that belongs to no registered person: someone a roster names for the first time. */
export function unregisteredId(j: number): string {
  return residentId(2 * j + 1);
}

const SURNAMES = Array.from('王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕');
const GIVEN = Array.from('伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华建国志红文斌宇浩凯鹏辉欣怡晨');

/** A plausible Chinese name for person `i`. */
export function personName(i: number): string {
  const surname = SURNAMES[i % SURNAMES.length] ?? '王';
  const first = GIVEN[Math.floor(i / SURNAMES.length) % GIVEN.length] ?? '伟';
  const second = i % 3 === 0 ? '' : (GIVEN[Math.floor(i / 7) % GIVEN.length] ?? '');
  return surname + first + second;
}
