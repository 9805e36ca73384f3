// Three tiers (house style): unit specs beside the code, integration specs against the real
// Kafka/PostgreSQL/Redis that tools/test.sh starts, and end-to-end specs in tests/ that run the
// three services as separate processes.
const swc = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true },
      target: 'es2022',
    },
    module: { type: 'commonjs' },
  },
];

const shared = {
  testEnvironment: 'node',
  transform: { '^.+\\.(t|j)sx?$': swc },
  moduleNameMapper: {
    '^@newsflow/(config|contracts|feeds|fingerprint|kafka|outbound|persistence|platform|tagger|testing)$':
      '<rootDir>/libs/$1/src',
    // eld is ESM-only (its exports have only an `import` condition, which Jest's CommonJS resolver
    // does not use): point its sized entries at their files and let swc compile them (below).
    '^eld/(extrasmall|small|medium|large)$': '<rootDir>/node_modules/eld/src/entries/static.$1.js',
  },
  // The same for the ESM-only selector engine under linkedom (css-select and its helpers) and its
  // html-escaper; linkedom itself is listed so its nested node_modules are not skipped.
  transformIgnorePatterns: [
    '/node_modules/(?!(eld|linkedom|css-select|css-what|nth-check|boolbase|html-escaper|htmlparser2|domhandler|domutils|dom-serializer|domelementtype|entities|cssomnom|uhyphen)/)',
    '\\.pnp\\.[^\\/]+$',
  ],
  modulePathIgnorePatterns: ['<rootDir>/.*/dist/', '<rootDir>/.cache/'],
};

module.exports = {
  projects: [
    { ...shared, displayName: 'unit', testMatch: ['<rootDir>/{apps,libs}/*/src/**/*.spec.ts'] },
    {
      ...shared,
      displayName: 'integration',
      testMatch: ['<rootDir>/{apps,libs}/*/src/**/*.int-spec.ts'],
      setupFilesAfterEnv: ['<rootDir>/tools/jest/integration.setup.js'],
    },
    {
      ...shared,
      displayName: 'e2e',
      testMatch: ['<rootDir>/tests/**/*.e2e-spec.ts'],
      setupFilesAfterEnv: ['<rootDir>/tools/jest/e2e.setup.js'],
    },
  ],
};
