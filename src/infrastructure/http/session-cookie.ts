import type { FastifyReply, FastifyRequest } from 'fastify';
import '@fastify/cookie';

/**
 * The web app's refresh token, in a cookie the page's scripts cannot read (HttpOnly), sent only to the GraphQL
 * endpoint (Path) and never on requests started by other sites (SameSite=Strict).
 */
export const SESSION_COOKIE = 'retos_sesion';
const SESSION_COOKIE_PATH = '/graphql';
const REFRESH_TOKEN_DAYS = 30;

export function readSessionCookie(request: FastifyRequest): string | undefined {
  return request.cookies?.[SESSION_COOKIE] || undefined;
}

export function writeSessionCookie(reply: FastifyReply | undefined, refreshToken: string, secure: boolean): void {
  reply?.setCookie(SESSION_COOKIE, refreshToken, {
    httpOnly: true,
    sameSite: 'strict',
    secure,
    path: SESSION_COOKIE_PATH,
    maxAge: REFRESH_TOKEN_DAYS * 24 * 60 * 60,
  });
}

export function clearSessionCookie(reply: FastifyReply | undefined, secure: boolean): void {
  reply?.clearCookie(SESSION_COOKIE, { httpOnly: true, sameSite: 'strict', secure, path: SESSION_COOKIE_PATH });
}
