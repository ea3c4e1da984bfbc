import type { Schema } from './openapi-types';
import type { SeededRandom } from './seeded-random';

// Values for the few patterns the request schemas use that no format names.
const PATTERN_EXAMPLES: readonly [RegExp, (random: SeededRandom) => string][] = [
  [/^\^\[0-9a-f\]\{64\}\$$/, (random) => Array.from({ length: 64 }, () => random.int(0, 15).toString(16)).join('')],
  [/^\^\\d\{2,6\}\$$/, (random) => String(random.int(10, 999_999))],
  [/^\^\[0-9\+/, () => '024-23456789'],
];

/** A value the schema accepts (as far as its keywords tell), drawn deterministically. */
export function exampleOf(schema: Schema, random: SeededRandom): unknown {
  if (schema.default !== undefined) return schema.default;
  if (schema.enum) return random.pick(schema.enum.filter((value) => value !== null));
  const variants = schema.anyOf ?? schema.oneOf;
  if (variants) return exampleOf(random.pick(variants), random);
  if (schema.allOf) return Object.assign({}, ...(schema.allOf.map((part) => exampleOf(part, random)) as object[]));
  switch (schema.type ?? '') {
    case 'object':
      return Object.fromEntries(
        Object.entries(schema.properties ?? {}).map(([name, property]) => [name, exampleOf(property, random)]),
      );
    case 'array': {
      const count = Math.max(schema.minItems ?? 0, 1);
      return Array.from({ length: Math.min(count, schema.maxItems ?? count) }, () =>
        exampleOf(schema.items ?? {}, random),
      );
    }
    case 'integer':
      return Math.max(schema.minimum ?? 0, Math.min(schema.maximum ?? 2000, random.int(1, 2000)));
    case 'number':
      return Math.max(schema.minimum ?? 0, Math.min(schema.maximum ?? 100, random.int(1, 100)));
    case 'boolean':
      return random.next() < 0.5;
    case 'string':
      return stringOf(schema, random);
    default:
      return 'x';
  }
}

function stringOf(schema: Schema, random: SeededRandom): string {
  switch (schema.format ?? '') {
    case 'uuid':
      return random.uuid();
    case 'date':
      return `2027-0${random.int(1, 9)}-1${random.int(0, 9)}`;
    case 'date-time':
      return `2027-0${random.int(1, 9)}-1${random.int(0, 9)}T08:00:00.000Z`;
    case 'email':
      return `user${random.int(1, 999)}@example.cn`;
    default:
      break;
  }
  const known = schema.pattern ? PATTERN_EXAMPLES.find(([pattern]) => pattern.test(schema.pattern ?? '')) : undefined;
  if (known) return known[1](random);
  const length = Math.max(schema.minLength ?? 0, Math.min(schema.maxLength ?? 12, 12));
  const alphabet = '技术创新中心abcdefgh';
  return Array.from({ length: Math.max(length, 1) }, () => random.pick(Array.from(alphabet))).join('');
}

/** A named bad value for a field: what a careless or hostile client sends. */
export interface Mutation {
  readonly label: string;
  readonly value: unknown;
}

/** Edge cases of one field: the wrong type, a huge number, an over-long string, NUL and a lone surrogate. */
export function mutationsOf(schema: Schema): Mutation[] {
  const mutations: Mutation[] = [{ label: 'null', value: null }];
  if (schema.type === 'string' || schema.enum) {
    mutations.push(
      { label: 'a number for a string', value: 12_345 },
      { label: 'an over-long string', value: 'x'.repeat((schema.maxLength ?? 10_000) + 1) },
      { label: 'NUL', value: 'a\u0000b' },
      { label: 'a lone surrogate', value: 'a\uD800b' },
    );
  } else if (schema.type === 'integer' || schema.type === 'number') {
    mutations.push(
      { label: 'a string for a number', value: 'abc' },
      { label: 'a huge number', value: 99_999_999_999 },
      { label: 'beyond a double’s integers', value: 1e300 },
      { label: 'a fraction', value: 0.5 },
      { label: 'a negative number', value: -1 },
    );
  } else if (schema.type === 'array') {
    mutations.push({ label: 'an object for an array', value: {} }, { label: 'NUL inside', value: ['\u0000'] });
  } else if (schema.type === 'object') {
    mutations.push({ label: 'a string for an object', value: 'x' }, { label: 'a NUL key', value: { 'k\u0000': 1 } });
  } else if (schema.type === 'boolean') {
    mutations.push({ label: 'a string for a boolean', value: 'maybe' });
  }
  return mutations;
}

/** A query parameter's edge cases: as text, since a URL carries nothing else. */
export function queryMutationsOf(schema: Schema): Mutation[] {
  const mutations: Mutation[] = [
    { label: 'empty', value: '' },
    { label: 'NUL', value: '\u0000' },
    { label: 'an over-long value', value: 'x'.repeat(2_001) },
  ];
  if (schema.type === 'integer' || schema.type === 'number') {
    mutations.push({ label: 'a huge number', value: '99999999999' }, { label: 'not a number', value: 'abc' });
  }
  return mutations;
}
