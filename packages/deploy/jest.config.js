module.exports = require('../../jest.config.base.js')({ testRegex: 'test/.*\\.spec\\.ts$' });
