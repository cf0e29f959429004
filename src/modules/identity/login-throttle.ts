import { Inject, Injectable } from '@nestjs/common';
import { Redis } from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import { normalizeEmail } from '../../common/email.js';
import { AppConfig } from '../../config/app-config.js';
import { REDIS } from '../../infrastructure/redis/redis.module.js';
import { IdentityErrors } from './identity.errors.js';
import { hashToken } from './secret-tokens.js';

const FAILURES_PER_ACCOUNT = 10;
const WINDOW_SECONDS = 15 * 60;

/**
 * rate-limiter-flexible's login-protection recipe, with counters in Redis shared by every API process and an
 * in-memory insurance limiter that takes over while Redis does not answer (so a stalled Redis neither hangs
 * nor opens sign-in wide).
 * - Per account (keyed by a hash of the normalised e-mail): at most 10 failures in 15 minutes. Each attempt
 *   reserves a point before the password is checked and a success gives it back, so parallel guesses at one
 *   account cannot slip past the limit.
 * - Per client address: only failures count, after the check (LOGIN_FAILURES_PER_ADDRESS, 300 by default),
 *   so any number of people behind one NAT can sign in at once. A parallel burst of guesses can pass this
 *   limit by the number in flight; each of the guessed accounts is still held to its own 10.
 */
@Injectable()
export class LoginThrottle {
  private readonly perAccount: RateLimiterRedis;
  private readonly perAddress: RateLimiterRedis;
  private readonly addressLimit: number;

  constructor(@Inject(REDIS) redis: Redis, config: AppConfig) {
    this.addressLimit = config.http.loginFailuresPerAddress;
    const limiter = (name: string, points: number) =>
      new RateLimiterRedis({
        storeClient: redis,
        keyPrefix: `${config.redis.prefix}:login:${name}`,
        points,
        duration: WINDOW_SECONDS,
        insuranceLimiter: new RateLimiterMemory({ points, duration: WINDOW_SECONDS }),
      });
    this.perAccount = limiter('account', FAILURES_PER_ACCOUNT);
    this.perAddress = limiter('address', this.addressLimit);
  }

  async attempt<T>(email: string, ip: string, login: () => Promise<T>): Promise<T> {
    // The address itself never reaches Redis.
    const account = hashToken(normalizeEmail(email));
    const failuresFromAddress = (await this.perAddress.get(ip))?.consumedPoints ?? 0;
    if (failuresFromAddress >= this.addressLimit) throw IdentityErrors.loginRateLimited();
    await this.reserve(account);
    let result: T;
    try {
      result = await login();
    } catch (error) {
      await this.perAddress.penalty(ip); // the account keeps its reserved point: the failure counts there too
      throw error;
    }
    await this.perAccount.reward(account);
    return result;
  }

  private async reserve(account: string): Promise<void> {
    try {
      await this.perAccount.consume(account);
    } catch (refusal) {
      if (!(refusal instanceof RateLimiterRes)) throw refusal;
      await this.perAccount.reward(account); // a refused attempt is not a failure of its own
      throw IdentityErrors.loginRateLimited();
    }
  }
}
