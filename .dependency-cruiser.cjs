// Module boundaries of docs/architecture.md, checked by `npm run deps:check` (CI). Known violations live in
// .dependency-cruiser-known-violations.json: a baseline that may only shrink (scripts/deps-check.mjs fails when
// an entry no longer occurs, so the file is regenerated smaller, never larger).

/** Feature modules in dependency order: a module may import only from modules before it (same rank: neither). */
const ORDER = [
  ['territory', 'audit'],
  ['identity'],
  ['government-units'],
  ['challenges'],
  ['rounds'],
  ['proposals'],
  ['results'],
  ['voting', 'evaluation'],
  ['notifications', 'open-data'],
  ['privacy'],
];

const rank = new Map(ORDER.flatMap((names, i) => names.map((name) => [name, i])));
const laterThan = (name) => [...rank].filter(([other, r]) => other !== name && r >= rank.get(name)).map(([n]) => n);

const orderRules = [...rank.keys()].map((name) => ({
  name: `module-order-${name}`,
  comment: `${name} imports only from modules before it in the module order`,
  severity: 'error',
  from: { path: `^src/modules/${name}/` },
  to: { path: `^src/modules/(${laterThan(name).join('|')})/` },
}));

module.exports = {
  forbidden: [
    ...orderRules,
    {
      name: 'no-circular',
      severity: 'error',
      from: { path: '^src/' },
      to: { circular: true },
    },
    {
      name: 'no-repository-across-features',
      comment: 'a feature reaches another feature through its exported services, never its repositories',
      severity: 'error',
      from: { path: '^src/modules/([^/]+)/' },
      to: { path: '^src/modules/([^/]+)/.+\\.repository\\.ts$', pathNot: '^src/modules/$1/' },
    },
    {
      name: 'infrastructure-and-common-below-features',
      severity: 'error',
      comment: 'database/entities.ts is the entity list of the composition root, not a dependency of the layer',
      from: { path: '^src/(infrastructure|common|config)/', pathNot: '^src/infrastructure/database/entities\\.ts$' },
      to: { path: '^src/modules/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '\\.(spec|int-spec)\\.ts$' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
  },
};
