// Browser tests: the real app (built web assets served by the API, real PostgreSQL and Redis) driven in Debian's
// Chromium through playwright-core, with axe-core run after every state a test reaches.
import axe from 'axe-core';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import type { Clock } from '../../../src/common/clock.js';
import { startTestApp, type TestApp } from '../../support/test-app.js';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** WCAG 2.2 AA, as the issue sets it. */
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

export interface WebApp {
  api: TestApp;
  browser: Browser;
  /** A fresh browser profile (no cookies) with a page open on the app; 360 px wide when `phone`. */
  open(path?: string, options?: { phone?: boolean }): Promise<{ context: BrowserContext; page: Page }>;
  close(): Promise<void>;
}

export async function startWebApp(
  options: { env?: Record<string, string>; workers?: boolean; clock?: Clock } = {},
): Promise<WebApp> {
  const dist = resolve('dist/web');
  if (!existsSync(resolve(dist, 'index.html'))) {
    throw new Error('dist/web/index.html missing: run `npm run build:web` first (npm test does it in pretest)');
  }
  if (!existsSync(CHROMIUM_PATH)) throw new Error(`Chromium missing at ${CHROMIUM_PATH}: apt-get install -y chromium`);
  const api = await startTestApp({
    env: { WEB_DIST_DIR: dist, ...options.env },
    workers: options.workers,
    clock: options.clock,
  });
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_FLAGS, headless: true });
  const contexts: BrowserContext[] = [];
  return {
    api,
    browser,
    async open(path = '/', { phone = false } = {}) {
      const context = await browser.newContext({
        baseURL: api.url,
        locale: 'es-MX',
        timezoneId: 'America/Mexico_City',
        viewport: phone ? { width: 360, height: 740 } : { width: 1280, height: 800 },
      });
      contexts.push(context);
      const page = await context.newPage();
      watchPage(page);
      await page.goto(path);
      return { context, page };
    },
    async close() {
      await Promise.all(contexts.map((c) => c.close().catch(() => undefined)));
      await browser.close();
      await api.close();
    },
  };
}

const pageProblems = new WeakMap<Page, string[]>();

/** Collects what must never happen: uncaught errors and Content-Security-Policy refusals. */
function watchPage(page: Page): void {
  const problems: string[] = [];
  pageProblems.set(page, problems);
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error' && /Content Security Policy/i.test(message.text())) {
      problems.push(`CSP: ${message.text()}`);
    }
  });
}

export function expectNoPageProblems(page: Page): void {
  expect(pageProblems.get(page) ?? []).toEqual([]);
}

/**
 * Runs axe-core in the page and fails on any violation. The script is evaluated through the DevTools
 * protocol, so the page's strict CSP stays on while it runs.
 */
export async function expectAccessible(page: Page, state: string): Promise<void> {
  if (!(await page.evaluate('typeof window.axe !== "undefined"'))) await page.evaluate(axe.source);
  // Written as page source: this project's tests compile without the DOM library.
  const violations = await page.evaluate(`
    window.axe.run(document, { runOnly: { type: 'tag', values: ${JSON.stringify(AXE_TAGS)} } }).then((result) =>
      result.violations.map((v) => ({ id: v.id, help: v.help, nodes: v.nodes.map((n) => n.target.join(' ')).slice(0, 5) })))
  `);
  expect({ state, violations }).toEqual({ state, violations: [] });
  expectNoPageProblems(page);
}

/** True when the page is wider than the viewport (content cut off or a horizontal scroll bar on a phone). */
export function overflowsHorizontally(page: Page): Promise<boolean> {
  return page.evaluate('document.documentElement.scrollWidth > window.innerWidth');
}

/** The element that has keyboard focus, described by its tag and text (what a screen reader would announce). */
export function focusedElement(page: Page): Promise<{ tag: string; text: string; id: string }> {
  return page.evaluate(`(() => {
    const el = document.activeElement;
    return { tag: el?.tagName.toLowerCase() ?? '', text: (el?.textContent ?? '').trim(), id: el?.id ?? '' };
  })()`);
}
