// One lint set-up for the whole monorepo, type-aware, with the dependency direction of STYLE.md
// enforced: apps → platform, deadlines, contracts, domain; contracts → domain; domain → nothing.
import eslint from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/**
 * Import boundaries by package name (STYLE.md): the files matched may import only the listed
 * `@tic/*` packages, besides whatever else `extra` forbids.
 */
function boundaries(files, allowed, message, extra = [], except = []) {
  const group = ['@tic/*', ...allowed.map((name) => `!${name}`), ...extra];
  return [
    {
      files: [files],
      ignores: ['**/*.spec.ts', ...except],
      rules: { 'no-restricted-imports': ['error', { patterns: [{ group, message }] }] },
    },
  ];
}

const infrastructure = [
  '@nestjs/*',
  '@mikro-orm/*',
  '@nats-io/*',
  'bullmq',
  'ioredis',
  'pg',
  'pino',
  'node:*',
  'fs',
  'path',
  'crypto',
];

export default tseslint.config(
  {
    ignores: [
      '**/dist/**',
      '**/node_modules/**',
      '**/coverage/**',
      '**/*.js',
      '**/*.mjs',
      '**/*.cjs',
      '**/src/migrations/**',
    ],
  },
  eslint.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  {
    languageOptions: {
      globals: globals.node,
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      '@typescript-eslint/no-extraneous-class': ['error', { allowWithDecorator: true }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      'no-restricted-syntax': ['error', { selector: 'ExportDefaultDeclaration', message: 'Use named exports.' }],
    },
  },
  {
    files: ['packages/domain/src/**/*.ts'],
    ignores: ['**/*.spec.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [...infrastructure, '@tic/*'],
              message: '@tic/domain is plain TypeScript: no framework, I/O or other @tic package.',
            },
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        { name: 'Date', message: 'Pass dates in as YYYY-MM-DD strings; only calendar/iso-date.ts handles Date.' },
        { name: 'process', message: 'The domain reads no environment.' },
      ],
    },
  },
  {
    files: ['packages/domain/src/calendar/iso-date.ts'],
    rules: { 'no-restricted-globals': 'off' },
  },
  ...boundaries('packages/contracts/src/**/*.ts', ['@tic/domain'], '@tic/contracts depends on @tic/domain only.', [
    '@nestjs/*',
    '@mikro-orm/*',
  ]),
  ...boundaries(
    'packages/platform/src/**/*.ts',
    ['@tic/contracts', '@tic/domain'],
    '@tic/platform depends on @tic/contracts and @tic/domain only.',
    [],
    ['packages/platform/src/testing/**'],
  ),
  // The kit's test entry point (`@tic/platform/testing`) builds on the generic test helpers.
  ...boundaries(
    'packages/platform/src/testing/**/*.ts',
    ['@tic/contracts', '@tic/domain', '@tic/testing'],
    '@tic/platform/testing builds on @tic/testing, @tic/contracts and @tic/domain only.',
  ),
  ...boundaries(
    'packages/deadlines/src/**/*.ts',
    ['@tic/platform', '@tic/contracts', '@tic/domain'],
    '@tic/deadlines depends on @tic/platform, @tic/contracts and @tic/domain only.',
  ),
  ...boundaries(
    'packages/testing/src/**/*.ts',
    ['@tic/platform', '@tic/deadlines', '@tic/contracts', '@tic/domain'],
    '@tic/testing serves tests; it never imports an app.',
  ),
  ...boundaries(
    'apps/*/src/**/*.ts',
    ['@tic/platform', '@tic/deadlines', '@tic/contracts', '@tic/domain'],
    'No app imports another app (talk over NATS), nor the test kit.',
    ['**/apps/**', '../../*/src/**'],
  ),
  {
    files: ['**/src/**/*.ts'],
    ignores: ['**/*.spec.ts'],
    rules: {
      // STYLE.md: small files; past this a service splits by use case.
      'max-lines': ['error', { max: 250, skipBlankLines: true, skipComments: true }],
    },
  },
  {
    files: ['**/*.spec.ts', '**/test/**/*.ts'],
    rules: {
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/no-unnecessary-condition': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
    },
  },
);
