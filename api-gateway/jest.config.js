// Unit tests: *.spec.ts beside the code, pure logic only (fakes allowed).
module.exports = {
  rootDir: 'src',
  testRegex: '.*\\.spec\\.ts$',
  transform: {
    '^.+\\.ts$': ['ts-jest', { isolatedModules: true }],
    // jose 6 ships ESM only: transpile it to CommonJS for jest (node itself loads it via require(esm))
    '^.+/node_modules/jose/.+\\.js$': ['ts-jest', { isolatedModules: true, tsconfig: { allowJs: true } }],
  },
  transformIgnorePatterns: ['/node_modules/(?!jose/)'],
  moduleFileExtensions: ['ts', 'js', 'json'],
  testEnvironment: 'node',
};
