// `make test-security`: the security sweep of issue 9 (docs/security.md), on the real services:
// forged tokens, GraphQL abuse documents, logout/revocation across REST, GraphQL and Socket.IO,
// rate limits with and without a trusted proxy, consistentWith, and the public entry point
// (headers at :8080, /metrics not public). `make test` runs these once, in this suite; the
// general e2e suite skips them (runtime/test-all.sh passes this testRegex as an ignore pattern).
const e2e = require('./jest-e2e.config.js');

module.exports = { ...e2e, testRegex: '/test/(jwt-attacks|security-[a-z-]+)\\.e2e-spec\\.ts$' };
