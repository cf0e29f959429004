import { Clock } from '../../src/common/clock.js';

/** A clock the test moves by hand (starts at the real time, so access tokens stay valid for 15 minutes). */
export class ManualClock extends Clock {
  private at = Date.now();

  now(): Date {
    return new Date(this.at);
  }

  set(at: Date | number): void {
    this.at = typeof at === 'number' ? at : at.getTime();
  }
}
