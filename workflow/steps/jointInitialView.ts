import type { CommandActor } from '../commands.js';
import type { Actor, View, ViewGiver } from '../events.js';
import { actorAs, iso, monitoring, partnerRoleFor, recorder, refuse, sendKey, words, type Handler, type Recorder, type StepContext } from '../kernel.js';
import { actingRole, partnersActedFor } from '../access.js';
import { rolesOf, type PartnershipConfig } from '../partnership.js';
import type { CaseState } from '../state.js';
import { VIEW_WORDS, withRole } from '../words.js';
import { settle } from './partnerReplies.js';

/**
 * Step 3 (002 Section B: "The referral is reviewed by the Chair of LIG and Service Director of
 * Children's Social Care. An initial view and rationale is shared..."): the view is the review
 * group chair's and the children's services director's together. One drafts it (view and
 * rationale); the other concurs, or gives a different view. The partners' card goes only once
 * both agree. If they differ, the business unit is told and each sees the other's view; either
 * may then concur with the other or revise their own, and the card goes the moment they agree.
 * The 1 WD clock, its reminder to both and the overdue alert run until then (initialView.ts).
 * Where one person holds both roles, their one view is the joint view.
 */

export const VIEW_GIVERS: readonly ViewGiver[] = ['reviewGroupChair', 'childrensServicesDirector'];

const giverPerson = (config: PartnershipConfig, giver: ViewGiver) => (giver === 'reviewGroupChair' ? config.reviewGroupChair : config.childrensServicesDirector);

/** The view-giver roles the person holds: none, one, or both (one person in both roles). */
export function giversHeldBy(config: PartnershipConfig, aadObjectId: string): ViewGiver[] {
  const kinds = rolesOf(config, aadObjectId).map((r) => r.kind);
  return VIEW_GIVERS.filter((g) => kinds.includes(g));
}

export const otherGiver = (giver: ViewGiver): ViewGiver => (giver === 'reviewGroupChair' ? 'childrensServicesDirector' : 'reviewGroupChair');

/** "Casey Chair (review group chair)". */
export function giverWords(config: PartnershipConfig, giver: ViewGiver): string {
  return withRole(giverPerson(config, giver), giver);
}

const asCommandActor = (a: Actor): CommandActor => ({ aadObjectId: a.aadObjectId, displayName: a.displayName });

/**
 * Both agree: the view is given, each author's partner (the director is often the local
 * authority's representative) is recorded as agreeing, with the view's rationale as its own,
 * and the partners' card is posted.
 */
export function viewAgreed(context: StepContext, r: Recorder, now: Date, by: Actor, view: View, rationale: string, concurredBy?: Actor) {
  const { config } = context;
  r.record({ type: 'InitialViewGiven', at: iso(now), by, view, rationale, ...(concurredBy ? { concurredBy } : {}) });
  const authors = [by, ...(concurredBy ? [concurredBy] : [])].map(asCommandActor);
  const recorded = new Set<string>();
  for (const author of authors) {
    for (const partner of partnersActedFor(config, author.aadObjectId)) {
      if (recorded.has(partner)) continue;
      recorded.add(partner);
      r.record({ type: 'PartnerReplied', at: iso(now), by: actorAs(author, partnerRoleFor(config, author, partner)!), partner, reply: 'agree', rationale, asAuthorOfView: true });
    }
  }
  // Refresh first: the chair's and director's cards show the agreed view; the new card is fresh anyway.
  r.effect({ type: 'refreshCards' });
  r.effect({ type: 'send', key: sendKey.partnerDecision(), to: { kind: 'conversation', target: 'decision' }, card: { kind: 'partnerDecision' }, tracked: true });
  settle(context, r, now, false);
}

/** One view-giver's own view, when the other role is someone else's: a draft, a different view, or agreement. */
export function proposeView(context: StepContext, state: CaseState, now: Date, actor: CommandActor, giver: ViewGiver, view: View, rationale: string) {
  const { config, calendar } = context;
  const own = state.jointView?.proposals[giver];
  const other = state.jointView?.proposals[otherGiver(giver)];
  const r = recorder(state);
  const by = actorAs(actor, { kind: giver });
  if (!own || own.view !== view || own.rationale !== rationale) r.record({ type: 'InitialViewProposed', at: iso(now), by, giver, view, rationale });
  if (other && other.view === view) {
    viewAgreed(context, r, now, other.by, view, other.rationale, by);
    return r.done(`Initial view agreed with ${other.by.displayName}: ${VIEW_WORDS[view]}. It goes to the three partners now; they have one working day from its posting to reply (about ${words(calendar.addWorkingDays(now, 1).toISOString(), now)}).`);
  }
  if (other) {
    r.record({ type: 'InitialViewsDiffered', at: iso(now) });
    // The business unit sees both views (tracked, so it shows the agreement when it comes).
    r.effect({ type: 'send', key: sendKey.initialViewsDiffer(r.state?.version), to: monitoring, card: { kind: 'initialViewRequest' }, tracked: true });
    r.effect({ type: 'refreshCards' });
    return r.done(`Recorded: your view (${VIEW_WORDS[view]}) differs from ${other.by.displayName}'s (${VIEW_WORDS[other.view]}). The business unit has been told and you each see the other's view. It goes to the partners once you agree: either of you may concur with the other or revise your own, by ${words(state.initialViewDueAt, now)}.`);
  }
  r.effect({ type: 'refreshCards' });
  return r.done(`Your draft is recorded: ${VIEW_WORDS[view]}. It goes to the partners once ${giverWords(config, otherGiver(giver))} concurs, or when you agree after they give a different view; due by ${words(state.initialViewDueAt, now)}.`);
}

export const concurInitialView: Handler<'ConcurInitialView'> = (context, state, command, now) => {
  const { config, calendar } = context;
  if (!state) return refuse('There is no such case.');
  const role = actingRole(config, command.actor.aadObjectId, 'ConcurInitialView');
  if (!role) return refuse("Only the review group chair or the children's services director can concur with the initial view.");
  if (state.initialView) {
    return refuse(`The initial view on ${state.referral.caseRef} was already given by ${state.initialView.by.displayName} on ${words(state.initialView.at, now)}.`);
  }
  if (state.stage !== 'awaitingInitialView') return refuse(`Case ${state.referral.caseRef} is no longer waiting for an initial view.`);
  const held = giversHeldBy(config, command.actor.aadObjectId);
  if (held.length !== 1) return refuse('You hold both roles, so your own view is the initial view: give it with its rationale.');
  const giver = held[0]!;
  const other = state.jointView?.proposals[otherGiver(giver)];
  if (!other) return refuse(`${giverWords(config, otherGiver(giver))} has not given a view yet, so there is nothing to concur with. Give your own view, with its rationale.`);
  const r = recorder(state);
  viewAgreed(context, r, now, other.by, other.view, other.rationale, actorAs(command.actor, { kind: giver }));
  return r.done(`You concurred: ${VIEW_WORDS[other.view]}. It goes to the three partners now; they have one working day from its posting to reply (about ${words(calendar.addWorkingDays(now, 1).toISOString(), now)}).`);
};
