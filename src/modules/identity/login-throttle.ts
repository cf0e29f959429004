import { Injectable } from '@nestjs/common';
import { RateLimiter } from '../../infrastructure/http/rate-limiter.js';
import { IdentityErrors } from './identity.errors.js';
import { hashToken } from './secret-tokens.js';

const MAX_FAILURES = 10;
const WINDOW_SECONDS = 15 * 60;

/**
 * At most 10 failed logins per e-mail and per IP in 15 minutes (fixed windows in Redis, shared by every
 * API process). Each attempt reserves its place before the password is checked, so a burst of parallel
 * guesses cannot all pass the limit; a successful login gives the place back.
 */
@Injectable()
export class LoginThrottle {
  constructor(private readonly limiter: RateLimiter) {}

  async attempt<T>(email: string, ip: string, login: () => Promise<T>): Promise<T> {
    // The address itself never reaches Redis.
    const keys = [`login:email:${hashToken(email.toLowerCase())}`, `login:ip:${ip}`];
    const allowed = await Promise.all(keys.map((key) => this.limiter.hit(key, MAX_FAILURES, WINDOW_SECONDS)));
    if (!allowed.every(Boolean)) {
      await this.release(keys);
      throw IdentityErrors.loginRateLimited();
    }
    const result = await login(); // a failure throws and keeps its reservation: it counts
    await this.release(keys);
    return result;
  }

  private async release(keys: string[]): Promise<void> {
    await Promise.all(keys.map((key) => this.limiter.release(key, WINDOW_SECONDS)));
  }
}
