// One lint set-up for the whole monorepo, type-aware, with the dependency direction of STYLE.md
// enforced: apps → platform, deadlines, contracts, domain; contracts → domain; domain → nothing.
import eslint from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const infrastructure = ['@nestjs/*', '@mikro-orm/*', '@nats-io/*', 'bullmq', 'ioredis', 'pg', 'pino', 'node:*', 'fs', 'path', 'crypto'];

export default tseslint.config(
  { ignores: ['**/dist/**', '**/node_modules/**', '**/coverage/**', '**/*.js', '**/*.mjs', '**/*.cjs', '**/src/migrations/**'] },
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
      'no-restricted-imports': ['error', {
        patterns: [
          { group: [...infrastructure, '@tic/*'], message: '@tic/domain is plain TypeScript: no framework, I/O or other @tic package.' },
        ],
      }],
      'no-restricted-globals': ['error',
        { name: 'Date', message: 'Pass dates in as YYYY-MM-DD strings; only calendar/iso-date.ts handles Date.' },
        { name: 'process', message: 'The domain reads no environment.' },
      ],
    },
  },
  {
    files: ['packages/domain/src/calendar/iso-date.ts'],
    rules: { 'no-restricted-globals': 'off' },
  },
  {
    files: ['packages/contracts/src/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [{ group: ['@tic/*', '!@tic/domain', '@nestjs/*', '@mikro-orm/*'], message: '@tic/contracts depends on @tic/domain only.' }],
      }],
    },
  },
  {
    files: ['apps/*/src/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [{ group: ['**/apps/**', '../../*/src/**'], message: 'No app imports another app: talk over NATS.' }],
      }],
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
