// The end-to-end worlds spend most of their time waiting on their processes (the services, Postgres,
// NATS), so two suites at a time shorten the suite's tail even on two cores; each world has its own
// database, nats-server, Redis database index and key prefix, so suites do not meet.
module.exports = {
  ...require('../../jest.config.base.js')({ testRegex: '(src/.*\\.spec|test/.*\\.(int|e2e)-spec)\\.ts$' }),
  maxWorkers: 2,
};
