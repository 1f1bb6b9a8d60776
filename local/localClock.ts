import type { Clock } from '../app/ports.js';

/**
 * Local mode only: the real time plus an offset that a developer (or the end-to-end test) moves
 * forward, so a deadline one working day away can be seen to pass without waiting a day.
 */
export class LocalClock implements Clock {
  private offsetMs = 0;
  constructor(private readonly real: () => number = Date.now) {}

  now(): Date {
    return new Date(this.real() + this.offsetMs);
  }

  advance(ms: number): Date {
    if (!Number.isFinite(ms) || ms < 0) throw new RangeError('The local clock only moves forward');
    this.offsetMs += ms;
    return this.now();
  }

  /** Jump to an instant (forward only), e.g. a fixed Friday afternoon in a test. */
  set(instant: Date): Date {
    const ms = instant.getTime() - this.now().getTime();
    return this.advance(Math.max(0, ms));
  }
}
