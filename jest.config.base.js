// One Jest set-up for every workspace: swc in CommonJS mode with decorator metadata, and swc also
// transforming the ESM-only NestJS 12 packages and their helpers (see shared STACK.md).
const esmPackages = [
  '@nestjs',
  'file-type',
  'load-esm',
  'uid',
  'strtok3',
  'token-types',
  '@tokenizer',
  'uint8array-extras',
  '@borewit',
  'jose',
  'content-disposition',
];

/** @param {{ testRegex?: string }} [overrides] */
module.exports = function jestConfig(overrides = {}) {
  return {
    testEnvironment: 'node',
    // Integration suites start and stop real services; their hooks need more than Jest's 5 s default.
    testTimeout: 60_000,
    moduleFileExtensions: ['ts', 'js', 'mjs', 'json'],
    testRegex: overrides.testRegex ?? 'src/.*\\.spec\\.ts$',
    transform: {
      '^.+\\.(t|j|mj)s$': [
        '@swc/jest',
        {
          jsc: {
            parser: { syntax: 'typescript', decorators: true },
            transform: { legacyDecorator: true, decoratorMetadata: true },
            target: 'es2022',
          },
          module: { type: 'commonjs' },
        },
      ],
    },
    transformIgnorePatterns: [`/node_modules/(?!(${esmPackages.join('|')})/)`],
  };
};
