import type { CardSpec, Effect } from '../effects.js';
import { iso, nothing, person, refuse, sendKey, type Decision, type Handler } from '../kernel.js';
import { mayEverSee } from '../access.js';
import { rolesOf } from '../partnership.js';
import { openContext, stillOpen } from './stillOpen.js';

/**
 * A roster change that affects an open case (issue 16): the change is recorded on the case, and
 * each request that went to someone replaced and is still awaiting that role's answer in the case
 * as it stands (./stillOpen.ts) is sent to the new holder, rendered afresh. One already answered,
 * or a card that only informed, stays where it was: the history names only what moved. The replaced person can no longer act: the access policy reads the live roster.
 * Someone removed with nobody to take over (`removed`) is recorded too, so the open request to
 * them is not lost: the business unit follows it up.
 */
export const recordRosterChange: Handler<'RecordRosterChange'> = ({ config }, state, command, now): Decision => {
  if (!state) return refuse('There is no case with that reference.');
  // A follow-up retried (the sweep after a failure part-way, or two at once) finds it done here.
  if (state.rosterVersions?.includes(command.rosterVersion)) return nothing();
  // Only to someone the new roster lets see that card (an agency's deputy sees only their agency's),
  // and only what still awaits their role's answer.
  const moved = command.moved.filter((m) => mayEverSee(config, m.to, m.card as CardSpec) && stillOpen(m.card as CardSpec, openContext(state, now, rolesOf(config, m.to))));
  // Someone removed is recorded only while a request they held still awaits an answer (nobody else
  // holds their role, so the case's own state is asked with no role: every partner's part counts).
  const removed = command.removedHeld
    ? command.removed.filter((r) => command.removedHeld!.some((h) => h.aadObjectId === r.from.aadObjectId && stillOpen(h.card as CardSpec, openContext(state, now, []))))
    : command.removed;
  // A completed rapid review is 'closed' while its actions, local review or learning event run on
  // (issue 17): it is followed up like any case, but one with nothing left open records nothing;
  // nor does an open case where only someone removed held requests, all answered.
  if (moved.length === 0 && removed.length === 0 && (state.stage === 'closed' || command.replacements.length === 0)) return nothing();
  const effects: Effect[] = moved.map((m) => ({ type: 'send', key: sendKey.movedRequest(m.key, m.to), to: person(m.to), card: inOwnRight(m.card as CardSpec), tracked: true }));
  return {
    ok: true,
    events: [{ type: 'RosterChanged', at: iso(now), by: { ...command.actor, role: 'business unit' }, rosterVersion: command.rosterVersion, replacements: command.replacements, moved: moved.map((m) => sendKey.movedRequest(m.key, m.to)), removed }],
    effects,
  };
};

/**
 * The new holder is asked in their own right: an away note the request carried (workflow/whenAway.ts)
 * was about the person replaced, and its absence inboxes were told when it was first sent.
 */
function inOwnRight(card: CardSpec): CardSpec {
  const { awayFor, ...rest } = card;
  return awayFor ? (rest as CardSpec) : card;
}
