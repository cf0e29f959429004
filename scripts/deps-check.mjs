// Module boundaries (.dependency-cruiser.cjs) against the known-violations baseline, which may only shrink:
// a new violation fails, and so does a baseline entry that no longer occurs (regenerate it: npm run deps:baseline).
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

const BASELINE = '.dependency-cruiser-known-violations.json';
const key = (v) => `${v.rule.name}: ${v.from} → ${v.to}`;

const output = execFileSync(
  'npx',
  ['depcruise', 'src', '--config', '.dependency-cruiser.cjs', '--no-ignore-known', '--output-type', 'json'],
  { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
);
const current = new Set(JSON.parse(output).summary.violations.map(key));
const known = new Set(JSON.parse(readFileSync(BASELINE, 'utf8')).map(key));

const added = [...current].filter((v) => !known.has(v));
const gone = [...known].filter((v) => !current.has(v));
for (const v of added) console.error(`new dependency violation  ${v}`);
for (const v of gone) console.error(`fixed, remove from the baseline (npm run deps:baseline)  ${v}`);
console.log(`deps: ${current.size} known violations, ${added.length} new, ${gone.length} fixed`);
process.exit(added.length || gone.length ? 1 : 0);
