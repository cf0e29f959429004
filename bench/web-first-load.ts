// npm run bench:web — the web app's first load: JavaScript and CSS the home page needs (raw, gzip, brotli), then
// the time until the challenge list is visible in Debian's Chromium on an emulated slow phone (150 ms RTT,
// ~1.5 Mb/s, CPU ×4) against the real API with the demo data. Run `npm run build:web` first. BENCH_WEB_RUNS
// sets the number of cold loads (median reported). Needs PostgreSQL and Redis as for the tests.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { runDemoSeed } from '../src/seed/demo-seed.js';
import { startBenchApi } from './support/bench-api.js';

const DIST = 'dist/web';
const RUNS = Number(process.env.BENCH_WEB_RUNS ?? 5);
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

function firstLoadAssets(): { js: string[]; css: string[] } {
  const html = readFileSync(join(DIST, 'index.html'), 'utf8');
  const refs = [...html.matchAll(/(?:src|href)="(\/assets\/[^"]+)"/g)].map((m) => m[1]);
  return { js: refs.filter((r) => r.endsWith('.js')), css: refs.filter((r) => r.endsWith('.css')) };
}

function sizes(files: string[]): { raw: number; gzip: number; brotli: number } {
  return files.reduce(
    (sum, file) => {
      const content = readFileSync(join(DIST, file));
      return {
        raw: sum.raw + content.length,
        gzip: sum.gzip + gzipSync(content, { level: 9 }).length,
        brotli: sum.brotli + brotliCompressSync(content).length,
      };
    },
    { raw: 0, gzip: 0, brotli: 0 },
  );
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

const assets = firstLoadAssets();
for (const [kind, files] of Object.entries(assets)) {
  const s = sizes(files);
  console.log(`first-load ${kind.toUpperCase()}: ${kb(s.raw)} raw, ${kb(s.gzip)} gzip, ${kb(s.brotli)} brotli`);
}

const api = await startBenchApi();
try {
  await runDemoSeed(api.app, () => undefined);
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: FLAGS, headless: true });
  const times: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    const context = await browser.newContext({ viewport: { width: 360, height: 740 }, locale: 'es-MX' });
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: 150,
      downloadThroughput: (1.5 * 1024 * 1024) / 8,
      uploadThroughput: (750 * 1024) / 8,
    });
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
    const start = Date.now();
    await page.goto(api.url);
    await page.locator('.card').first().waitFor({ timeout: 60_000 });
    times.push(Date.now() - start);
    await context.close();
  }
  await browser.close();
  times.sort((a, b) => a - b);
  console.log(
    `challenge list visible (360 px, 150 ms RTT, 1.5 Mb/s, CPU ×4), ${RUNS} cold loads: median ${times[Math.floor(times.length / 2)]} ms, min ${times[0]} ms, max ${times[times.length - 1]} ms`,
  );
} finally {
  await api.close();
}
