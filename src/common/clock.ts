/** The server clock: every deadline is decided by it. Tests replace it with a controllable one. */
export abstract class Clock {
  abstract now(): Date;
}

export class SystemClock extends Clock {
  now(): Date {
    return new Date();
  }
}
