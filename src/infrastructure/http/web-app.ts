import fastifyStatic from '@fastify/static';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

/**
 * The web app's Content-Security-Policy: only our own origin, no inline script or style, no framing.
 * `connect-src 'self'` covers the same-origin GraphQL WebSocket.
 */
export const WEB_CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/** Paths the API owns: an unknown path under them is a 404, never the web app. */
const API_PREFIXES = ['/graphql', '/open-data', '/health', '/metrics', '/mis-datos'];

/** Vite names built assets by content hash, so they can be cached for a year; everything else is revalidated. */
function cacheControl(path: string): string {
  return /[\\/]assets[\\/]/.test(path) ? 'public, max-age=31536000, immutable' : 'no-cache';
}

function isApiPath(url: string): boolean {
  const path = url.split('?')[0];
  return API_PREFIXES.some((prefix) => path === prefix || path.startsWith(`${prefix}/`));
}

/**
 * Serves the built web app (pre-compressed .br/.gz beside each file) and answers every other GET that asks for
 * HTML with index.html, so deep links such as /retos/agua-potable open the app. Returns false (and serves
 * nothing) when the app has not been built, as in API-only test runs.
 */
export async function serveWebApp(app: NestFastifyApplication, distDir: string): Promise<boolean> {
  const root = resolve(distDir);
  if (!existsSync(join(root, 'index.html'))) return false;
  await app.register(fastifyStatic, {
    root,
    // One route per built file, registered now: API routes and the deep-link fallback keep their own paths.
    wildcard: false,
    index: false,
    preCompressed: true,
    // Also applied to index.html sent by the deep-link fallback below.
    setHeaders: (reply, path) => {
      void reply
        .header('cache-control', cacheControl(path))
        .header('content-security-policy', WEB_CONTENT_SECURITY_POLICY);
    },
  });
  const fastify = app.getHttpAdapter().getInstance();
  const sendIndex = (request: FastifyRequest, reply: FastifyReply) => {
    if (isApiPath(request.url)) return reply.callNotFound();
    return reply.sendFile('index.html');
  };
  fastify.get('/', sendIndex);
  fastify.get('/*', sendIndex);
  return true;
}
