// ESM loader hooks behind swc-register.mjs: `./x.js` imports resolve to `./x.ts` beside them, .ts is compiled by SWC.
import { transform } from '@swc/core';
import { existsSync, readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

const swcrc = JSON.parse(readFileSync(new URL('../.swcrc', import.meta.url), 'utf8'));
delete swcrc.$schema;

export async function resolve(specifier, context, next) {
  if (specifier.endsWith('.js') && /^\.{1,2}\//.test(specifier) && context.parentURL?.startsWith('file:')) {
    const ts = new URL(specifier.replace(/\.js$/, '.ts'), context.parentURL);
    if (!ts.pathname.includes('/node_modules/') && existsSync(fileURLToPath(ts)))
      return { url: ts.href, format: 'module', shortCircuit: true };
  }
  return next(specifier, context);
}

export async function load(url, context, next) {
  if (!url.startsWith('file:') || !url.endsWith('.ts')) return next(url, context);
  const filename = fileURLToPath(url);
  const { code } = await transform(await readFile(filename, 'utf8'), {
    ...swcrc,
    filename,
    swcrc: false,
    configFile: false,
  });
  return { format: 'module', source: code, shortCircuit: true };
}
