import { z } from 'zod';
import type { HeldRequest, Outbox } from '../store/outbox.js';
import type { CaseStore } from '../store/caseStore.js';
import type { RosterStore } from '../store/rosterStore.js';
import type { CaseService } from './caseService.js';
import type { Logger } from './ports.js';
import { errorText } from './effectRunner.js';
import { RosterSchema, type Roster } from '../workflow/partnership.js';
import { removals, replacements } from '../workflow/roster/replacements.js';
import { MovedRequestSchema, type Removal } from '../workflow/roster/events.js';

/**
 * After a roster change (issue 16): every open case where someone replaced holds a request (a
 * Teams card or an email: store/outbox.ts HeldRequest) records the change, and the request goes to
 * the new holder by the new holder's channel (the procedure decides both: workflow/roster/step.ts;
 * the effect runner picks card or email). The held rows are kept for good, so every request the
 * person was ever sent is passed on: the procedure moves only those still open
 * (workflow/roster/stillOpen.ts). Reminders need nothing here: the sweep reads the live
 * roster. Someone removed with nobody to take over, who held an open request on a case, is
 * recorded on it so the business unit follows the request up.
 *
 * Each case is brought up to date on its own: one that fails does not stop the others, and is
 * tried again (`RosterFollowUp`); one that already recorded this version is skipped, here and by
 * the procedure, so a retry never records the change or moves a request twice.
 */

type ChangeToFollow = { before: Roster; after: Roster; version: number; at: Date; by: { aadObjectId: string; displayName: string } };
export type FollowedUp = { cases: string[]; failed: string[] };
type Deps = { store: CaseStore; outbox: Outbox; cases: CaseService; log: Logger };

export async function followRosterChange(deps: Deps, change: ChangeToFollow, now: Date): Promise<FollowedUp> {
  const replaced = replacements(change.before, change.after);
  const removed = removals(change.before, change.after);
  const out: FollowedUp = { cases: [], failed: [] };
  if (replaced.length === 0 && removed.length === 0) return out;
  for (const caseRef of await deps.store.listCases()) {
    try {
      if (await followOnCase(deps, caseRef, change, replaced, removed, now)) out.cases.push(caseRef);
    } catch (error) {
      out.failed.push(caseRef);
      deps.log.error('roster change: a case was not brought up to date; tried again at the next sweep', { caseRef, rosterVersion: change.version, error: errorText(error) });
    }
  }
  return out;
}

/** True when the case recorded the change now. */
async function followOnCase(deps: Deps, caseRef: string, change: ChangeToFollow, replaced: ReturnType<typeof replacements>, removed: Removal[], now: Date): Promise<boolean> {
  const { state } = await deps.store.load(caseRef);
  // A closed case is looked at too: its actions, local review or learning event may hold requests (the procedure decides what is still open).
  if (!state || state.rosterVersions?.includes(change.version)) return false;
  const moved: z.infer<typeof MovedRequestSchema>[] = [];
  const involved = new Set<string>();
  const gone = new Map<string, Removal>();
  const goneHeld: { aadObjectId: string; card: { kind: string } }[] = [];
  // Only what was held when the roster changed: a request sent since went out under the new roster.
  const held = (await deps.outbox.heldRequests(caseRef)).filter((h: HeldRequest) => !h.at || Date.parse(h.at) <= change.at.getTime());
  for (const h of held) {
    for (const r of replaced.filter((x) => x.from.aadObjectId === h.holder)) {
      involved.add(r.from.aadObjectId);
      for (const to of r.to) moved.push({ key: h.sendKey, card: JSON.parse(h.card) as { kind: string }, to: to.aadObjectId });
    }
    for (const r of removed.filter((x) => x.from.aadObjectId === h.holder)) {
      gone.set(`${r.role}\n${r.from.aadObjectId}`, r);
      goneHeld.push({ aadObjectId: h.holder, card: JSON.parse(h.card) as { kind: string } });
    }
  }
  if (moved.length === 0 && gone.size === 0) return false;
  // The same request held twice (a card row kept before holders were, and its holder row) moves once.
  const unique = moved.filter((m, i) => moved.findIndex((o) => o.key === m.key && o.to === m.to) === i);
  const outcome = await deps.cases.execute(caseRef, { type: 'RecordRosterChange', actor: change.by, rosterVersion: change.version, replacements: replaced.filter((r) => involved.has(r.from.aadObjectId)), moved: unique, removed: [...gone.values()], removedHeld: goneHeld }, now);
  if (!outcome.decision.ok) {
    deps.log.warn('roster change not recorded on a case', { caseRef, refusal: outcome.decision.refusal });
    return false;
  }
  return outcome.decision.events.length > 0;
}

/**
 * The follow-up made durable: a change is saved marked "not followed up" (store/rosterStore.ts)
 * and marked followed up only once every open case is brought up to date. The save follows up at
 * once; whatever did not finish (a storage blip, a crash) the next sweep does.
 */
export class RosterFollowUp {
  constructor(
    private readonly deps: Deps & {
      rosterStore: Pick<RosterStore, 'get' | 'notFollowedUp' | 'markFollowedUp'>;
      /** The partnership file's roster: version 0, before the first change. */
      first: Roster;
    },
  ) {}

  /**
   * Follows up every saved change not yet followed up, oldest first. It stops at the first that
   * does not finish: a later change may replace whoever the earlier one moved a request to, so
   * they are followed in order. `finished` is false when something is left for the next sweep.
   */
  async followUpPending(now: Date): Promise<FollowedUp & { finished: boolean }> {
    const out = { cases: [] as string[], failed: [] as string[], finished: true };
    for (const version of await this.deps.rosterStore.notFollowedUp()) {
      let done: FollowedUp;
      try {
        done = await this.followUp(version, now);
      } catch (error) {
        this.deps.log.error('roster change not followed up; tried again at the next sweep', { version, error: errorText(error) });
        return { ...out, finished: false };
      }
      out.cases.push(...done.cases.filter((c) => !out.cases.includes(c)));
      if (done.failed.length > 0) return { ...out, failed: done.failed, finished: false };
      await this.deps.rosterStore.markFollowedUp(version, now);
      this.deps.log.info('roster change followed up', { version, cases: done.cases.length });
    }
    return out;
  }

  private async followUp(version: number, now: Date): Promise<FollowedUp> {
    const change = await this.deps.rosterStore.get(version);
    if (!change) throw new Error(`Roster version ${version} is listed but cannot be read`);
    const before = version === 1 ? this.deps.first : (await this.deps.rosterStore.get(version - 1))?.roster;
    if (before === undefined) throw new Error(`Roster version ${version - 1} cannot be read`);
    return followRosterChange(this.deps, { before: RosterSchema.parse(before), after: RosterSchema.parse(change.roster), version, at: new Date(change.at), by: change.by }, now);
  }
}
