// The citizen web app: built into dist/web, served by the API at `/` (src/infrastructure/http/web-app.ts).
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { print, stripIgnoredCharacters, type DocumentNode } from 'graphql';
import { defineConfig, type Plugin } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));
const outDir = fileURLToPath(new URL('../dist/web', import.meta.url));

/** Writes .br and .gz next to every text asset, so the server sends them without compressing on each request. */
function precompress(): Plugin {
  return {
    name: 'retos-precompress',
    apply: 'build',
    closeBundle() {
      const walk = (dir: string): string[] =>
        readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
          entry.isDirectory() ? walk(join(dir, entry.name)) : [join(dir, entry.name)],
        );
      for (const file of walk(outDir).filter((f) => /\.(js|css|html|svg|json|txt)$/.test(f))) {
        const content = readFileSync(file);
        writeFileSync(`${file}.gz`, gzipSync(content, { level: 9 }));
        writeFileSync(`${file}.br`, brotliCompressSync(content, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }));
      }
    },
  };
}

const generatedDocuments = fileURLToPath(new URL('./src/gql/graphql.ts', import.meta.url));

/**
 * The documents codegen wrote into graphql.ts, by export name, printed back to GraphQL text as a string literal:
 * urql parses a string itself (its parser is in the bundle anyway), and the text is a fraction of the AST's size.
 */
function readGeneratedDocuments(): Map<string, string> {
  const documents = new Map<string, string>();
  const line = /^export const (\w+(?:Document|FragmentDoc)) = (\{.*\}) as unknown as /gm;
  for (const [, name, json] of readFileSync(generatedDocuments, 'utf8').matchAll(line)) {
    documents.set(name, JSON.stringify(stripIgnoredCharacters(print(JSON.parse(json) as DocumentNode))));
  }
  return documents;
}

/**
 * Each graphql(`…`) call becomes its own document (as compact text), written into the module that sends it, so a lazy page
 * carries its operations and the first load only its own. Without this, every operation of every page (officials'
 * too) sits in the first load: codegen's lookup map and graphql.ts are shared modules. What codegen's Babel plugin
 * does, for a build without Babel.
 */
function inlineGeneratedDocuments(): Plugin {
  const call = /\bgraphql\(\s*`([^`]*)`\s*\)/g;
  let documents = new Map<string, string>();
  return {
    name: 'retos-graphql-documents',
    apply: 'build',
    enforce: 'pre',
    buildStart() {
      documents = readGeneratedDocuments();
    },
    transform(code, id) {
      if (!id.startsWith(join(root, 'src')) || id.startsWith(join(root, 'src', 'gql')) || !code.includes('graphql(')) {
        return null;
      }
      let changed = false;
      const replaced = code.replace(call, (_whole: string, source: string) => {
        const definition = /^\s*(query|mutation|subscription|fragment)\s+(\w+)/.exec(source);
        const name = definition && `${definition[2]}${definition[1] === 'fragment' ? 'FragmentDoc' : 'Document'}`;
        const document = name && documents.get(name);
        if (!document) throw new Error(`${id}: no generated document for ${name ?? 'an unnamed operation'}`);
        changed = true;
        return `(${document})`;
      });
      return changed ? { code: replaced, map: null } : null;
    },
  };
}

const reactRouterProduction = fileURLToPath(new URL('../node_modules/react-router/dist/production/', import.meta.url));

export default defineConfig(({ command }) => ({
  root,
  publicDir: join(root, 'public'),
  plugins: [inlineGeneratedDocuments(), precompress()],
  oxc: { jsx: { runtime: 'automatic' } },
  // react-router's package exports only its development build (warnings, checks); the build uses its production one.
  resolve: {
    alias:
      command === 'build' ? [{ find: /^react-router$/, replacement: join(reactRouterProduction, 'index.mjs') }] : [],
  },
  build: {
    outDir,
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: false,
    reportCompressedSize: false,
    // No modulepreload polyfill: browsers without <link rel=modulepreload> (Safari before 17) still load every
    // chunk, only without preloading it; the polyfill cost 0.25 KB gzip of first load for everyone.
    modulePreload: { polyfill: false },
    rollupOptions: {
      onwarn(warning, warn) {
        // react-router marks its modules "use client" for server components; meaningless in a browser bundle.
        if (warning.code !== 'MODULE_LEVEL_DIRECTIVE') warn(warning);
      },
    },
  },
  server: { proxy: { '/graphql': { target: 'http://localhost:3000', ws: true } } },
}));
