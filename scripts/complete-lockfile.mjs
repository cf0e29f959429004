// The registry these machines reach only serves Linux builds of native packages, so `npm install` leaves
// other platforms' optional binaries out of package-lock.json, and `npm ci` then refuses the lock file as
// out of sync. This records each missing optional platform package with its platform, so `npm ci` skips it.
// Run after changing dependencies:  npm install && node scripts/complete-lockfile.mjs
import { readFileSync, writeFileSync } from 'node:fs';

const OS = ['darwin', 'linux', 'win32', 'freebsd', 'android', 'openbsd', 'netbsd', 'sunos', 'aix'];
const CPU = ['arm64', 'x64', 'ia32', 'arm', 'ppc64', 's390x', 'riscv64', 'loong64', 'wasm32', 'mips64el'];

const lock = JSON.parse(readFileSync('package-lock.json', 'utf8'));
let added = 0;
for (const [path, entry] of Object.entries(lock.packages)) {
  for (const [name, version] of Object.entries(entry.optionalDependencies ?? {})) {
    const key = `${path ? `${path}/` : ''}node_modules/${name}`;
    if (lock.packages[key] || lock.packages[`node_modules/${name}`]) continue;
    const parts = name.split(/[-/@]/);
    const os =
      parts.find((p) => OS.includes(p)) ??
      (parts.includes('win32') ? 'win32' : parts.includes('wasi') ? 'wasi' : undefined);
    const cpu = parts.find((p) => CPU.includes(p));
    if (!os && !cpu) continue; // not a platform binary: leave it to npm
    lock.packages[`node_modules/${name}`] = {
      version,
      optional: true,
      ...(entry.dev ? { dev: true } : {}),
      ...(os ? { os: [os] } : {}),
      ...(cpu ? { cpu: [cpu] } : {}),
    };
    added++;
  }
}
lock.packages = Object.fromEntries(
  Object.entries(lock.packages).sort(([a], [b]) => (a === '' ? -1 : b === '' ? 1 : a.localeCompare(b))),
);
writeFileSync('package-lock.json', `${JSON.stringify(lock, null, 2)}\n`);
console.log(`complete-lockfile: recorded ${added} optional platform packages`);
