import { z } from 'zod';
import type { Outbox } from '../store/outbox.js';
import type { CaseStore } from '../store/caseStore.js';
import type { CaseService } from './caseService.js';
import type { Logger } from './ports.js';
import type { Roster } from '../workflow/partnership.js';
import { removals, replacements } from '../workflow/roster/replacements.js';
import { MovedRequestSchema, type Removal } from '../workflow/roster/events.js';

/**
 * After a roster change (issue 16): every open case that had a request (a tracked 1:1 card) with
 * someone replaced records the change, and the request goes to the new holder (the procedure
 * decides both: workflow/roster/step.ts). Reminders need nothing here: the sweep reads the live
 * roster. Someone removed with nobody to take over, who had an open request on a case, is
 * recorded on it so the business unit follows the request up. Returns the cases touched.
 */

const RecipientSchema = z.object({ kind: z.literal('person'), aadObjectId: z.string() });

export async function followRosterChange(
  deps: { store: CaseStore; outbox: Outbox; cases: CaseService; log: Logger },
  change: { before: Roster; after: Roster; version: number; by: { aadObjectId: string; displayName: string } },
  now: Date,
): Promise<string[]> {
  const replaced = replacements(change.before, change.after);
  const removed = removals(change.before, change.after);
  if (replaced.length === 0 && removed.length === 0) return [];
  const touched: string[] = [];
  for (const caseRef of await deps.store.listCases()) {
    const { state } = await deps.store.load(caseRef);
    if (!state || state.stage === 'closed') continue;
    const moved: z.infer<typeof MovedRequestSchema>[] = [];
    const involved = new Set<string>();
    const gone = new Map<string, Removal>();
    for (const row of await deps.outbox.trackedCards(caseRef)) {
      const recipient = RecipientSchema.safeParse(JSON.parse(row.recipient));
      if (!recipient.success) continue;
      const key = row.rowKey.slice('card-'.length, row.rowKey.lastIndexOf('~'));
      for (const r of replaced.filter((x) => x.from.aadObjectId === recipient.data.aadObjectId)) {
        involved.add(r.from.aadObjectId);
        for (const to of r.to) moved.push({ key, card: JSON.parse(row.card) as { kind: string }, to: to.aadObjectId });
      }
      for (const r of removed.filter((x) => x.from.aadObjectId === recipient.data.aadObjectId)) gone.set(`${r.role}\n${r.from.aadObjectId}`, r);
    }
    if (moved.length === 0 && gone.size === 0) continue;
    const outcome = await deps.cases.execute(caseRef, { type: 'RecordRosterChange', actor: change.by, rosterVersion: change.version, replacements: replaced.filter((r) => involved.has(r.from.aadObjectId)), moved, removed: [...gone.values()] }, now);
    if (outcome.decision.ok) touched.push(caseRef);
    else deps.log.warn('roster change not recorded on a case', { caseRef, refusal: outcome.decision.refusal });
  }
  return touched;
}
