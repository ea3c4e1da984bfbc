module.exports = require('../../jest.config.base.js')({ testRegex: '(src/.*\\.spec|test/.*\\.(int|e2e)-spec)\\.ts$' });
