import { createHmac, timingSafeEqual } from 'node:crypto';
import { isNotificationType, type NotificationType } from './notification-types.js';
import { isUuid } from '../../common/ids.js';

/**
 * Signed (user, type) for the unsubscribe link of notification e-mails: works without signing in, names one
 * type only, and cannot be forged or edited without the server's secret. It does not expire (RFC 8058 links
 * must keep working); it only ever turns e-mails of that type off.
 */
export class UnsubscribeTokens {
  constructor(private readonly secret: string) {}

  private sign(payload: string): Buffer {
    return createHmac('sha256', `unsubscribe:${this.secret}`).update(payload).digest();
  }

  issue(userId: string, type: NotificationType): string {
    const payload = Buffer.from(`${userId}:${type}`).toString('base64url');
    return `${payload}.${this.sign(payload).toString('base64url')}`;
  }

  verify(token: string | undefined): { userId: string; type: NotificationType } | null {
    const [payload, signature, extra] = (token ?? '').split('.');
    if (!payload || !signature || extra !== undefined || signature.length > 64) return null;
    const expected = this.sign(payload);
    const given = Buffer.from(signature, 'base64url');
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
    const [userId, type] = Buffer.from(payload, 'base64url').toString().split(':');
    if (!isUuid(userId ?? '') || !isNotificationType(type ?? '')) return null;
    return { userId, type: type as NotificationType };
  }
}
