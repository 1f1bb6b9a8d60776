import type { CaseHead } from '../store/caseHead.js';
import type { CommittedEffect } from '../store/caseStore.js';
import type { CaseState } from '../workflow/state.js';
import { errorText } from './effectRunner.js';
import type { Logger } from './ports.js';

/**
 * Performs a case's effects after the command that caused them has been answered. A click is
 * answered as soon as its events (and their effects, the outbox) are committed: the person who
 * clicked sees the updated card in the invoke response at once, and everyone else's copy is
 * updated moments later. Sending cannot be on the click's path, because Teams allows about seven
 * messages a second in one conversation: a busy decision channel would otherwise make each click
 * wait for its turn.
 *
 * Nothing depends on this process staying alive: the effects were committed with a recovery entry
 * in the schedule, so if the process is recycled before they are done, the sweep performs them.
 *
 * One run per case at a time in this process; a change committed meanwhile asks for one more run
 * when the current one ends (runs coalesce, so a burst of replies costs one extra run, not one each).
 */

export type CommittedChange = { head: CaseHead; state: CaseState; effects: CommittedEffect[] };
export type RunEffects = (caseRef: string, now: Date, options: { committed?: CommittedChange }) => Promise<number>;

type CaseRun = { again: boolean; now: Date };

/**
 * Cases whose effects are performed at once. Runs mostly wait for their turn in a conversation
 * (Teams' pace), holding the cards they rendered: a bound keeps a burst of a thousand replies from
 * holding a thousand runs' worth of cards. Further cases wait in order, holding only their name.
 */
const DEFAULT_MAX_RUNNING = 8;

export class BackgroundEffects {
  private readonly running = new Map<string, CaseRun>();
  private readonly waiting = new Map<string, Date>();
  private waiters: (() => void)[] = [];

  constructor(
    private readonly run: RunEffects,
    private readonly log: Logger,
    private readonly maxRunning = DEFAULT_MAX_RUNNING,
  ) {}

  /** Starts performing the case's pending effects (the change just committed first) without waiting for them. */
  dispatch(caseRef: string, now: Date, committed?: CommittedChange): void {
    const current = this.running.get(caseRef);
    if (current) {
      current.again = true;
      if (now > current.now) current.now = now;
      return;
    }
    if (this.running.size >= this.maxRunning) {
      // What was committed is read back from the outbox when its turn comes.
      const queued = this.waiting.get(caseRef);
      this.waiting.set(caseRef, queued && queued > now ? queued : now);
      return;
    }
    this.start(caseRef, now, committed);
  }

  private start(caseRef: string, now: Date, committed: CommittedChange | undefined): void {
    const entry: CaseRun = { again: false, now };
    this.running.set(caseRef, entry);
    void this.loop(caseRef, entry, committed);
  }

  private async loop(caseRef: string, entry: CaseRun, committed: CommittedChange | undefined): Promise<void> {
    try {
      // What was committed is known only for the first run; later runs read the outbox.
      for (let hint = committed; ; hint = undefined) {
        entry.again = false;
        try {
          await this.run(caseRef, entry.now, hint ? { committed: hint } : {});
        } catch (error) {
          // Storage failed while reading or settling the outbox: the recovery entry brings the sweep back.
          this.log.error('effects could not be performed; the sweep will retry them', { caseRef, error: errorText(error) });
        }
        if (!entry.again) break;
      }
    } finally {
      this.running.delete(caseRef);
      // The longest-waiting case takes the place. Cases wait only while every place is taken, and
      // each place freed is taken at once, so a waiting case is never also running.
      const next = this.waiting.entries().next();
      if (!next.done) {
        this.waiting.delete(next.value[0]);
        this.start(next.value[0], next.value[1], undefined);
      }
      if (this.running.size === 0) {
        const waiting = this.waiters;
        this.waiters = [];
        for (const resolve of waiting) resolve();
      }
    }
  }

  /** Cases whose effects are being performed now, or are waiting their turn. */
  get inFlight(): number {
    return this.running.size + this.waiting.size;
  }

  /**
   * Resolves when nothing is being performed (true), or after `timeoutMs` (false) with the rest
   * still going: the sweep's timer waits for what it started, within its own minute.
   */
  async idle(timeoutMs = Number.POSITIVE_INFINITY): Promise<boolean> {
    if (this.running.size === 0) return true;
    let timer: NodeJS.Timeout | undefined;
    const settled = new Promise<boolean>((resolve) => this.waiters.push(() => resolve(true)));
    if (!Number.isFinite(timeoutMs)) return settled;
    const timedOut = new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), timeoutMs)));
    return Promise.race([settled, timedOut]).finally(() => clearTimeout(timer));
  }
}
