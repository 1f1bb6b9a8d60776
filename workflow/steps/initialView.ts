import { checkFreeText } from '../freeText.js';
import { actorAs, iso, partnerRoleFor, recorder, refuse, unique, words, type Handler } from '../kernel.js';
import { actingRole } from '../access.js';
import { partnersRepresentedBy, type PartnershipConfig } from '../partnership.js';
import { timer, type TimerDeclaration } from '../timers.js';
import { raiseOverdue, remind } from './notices.js';
import { VIEW_WORDS } from '../words.js';
import { settle } from './partnerReplies.js';

/** Step 2 (DOMAIN): the review group chair or the children's services director gives the initial view within 1 WD. */

export const giveInitialView: Handler<'GiveInitialView'> = (context, state, command, now) => {
  const { config, calendar } = context;
  if (!state) return refuse('There is no such case.');
  const role = actingRole(config, command.actor.aadObjectId, 'GiveInitialView');
  if (!role) return refuse("Only the review group chair or the children's services director can give the initial view.");
  if (state.initialView) {
    return refuse(`The initial view on ${state.referral.caseRef} was already given by ${state.initialView.by.displayName} on ${words(state.initialView.at, now)}.`);
  }
  if (state.stage !== 'awaitingInitialView') return refuse(`Case ${state.referral.caseRef} is no longer waiting for an initial view.`);
  const problem = checkFreeText('rationale', command.rationale, { required: true });
  if (problem) return refuse(problem.message);

  const r = recorder(state);
  const by = actorAs(command.actor, role);
  r.record({ type: 'InitialViewGiven', at: iso(now), by, view: command.view, rationale: command.rationale.trim() });
  // The author of the view agrees with it, for any partner they reply for; they may still change it.
  for (const partner of partnersRepresentedBy(config, command.actor.aadObjectId)) {
    r.record({ type: 'PartnerReplied', at: iso(now), by: actorAs(command.actor, partnerRoleFor(config, command.actor, partner)!), partner, reply: 'agree', asAuthorOfView: true });
  }
  // Refresh first: the chair's and director's cards show who gave the view; the new card is fresh anyway.
  r.effect({ type: 'refreshCards' });
  r.effect({ type: 'send', key: 'partnerDecision', to: { kind: 'conversation', target: 'decision' }, card: { kind: 'partnerDecision' }, tracked: true });
  settle(context, r, now, false);
  return r.done(`Initial view recorded: ${VIEW_WORDS[command.view]}. It goes to the three partners now; they have one working day from its posting to reply (about ${words(calendar.addWorkingDays(now, 1).toISOString(), now)}).`);
};

const viewGivers = (config: PartnershipConfig) => unique([config.reviewGroupChair.aadObjectId, config.childrensServicesDirector.aadObjectId]);

/** A reminder at half time (while not yet due) and an alert when the initial view is overdue. */
export const initialViewTimers: TimerDeclaration = (state, { calendar }) => {
  if (state.stage !== 'awaitingInitialView') return [];
  const due = new Date(state.initialViewDueAt);
  return [
    ...(state.remindersSent.includes('initialView') ? [] : timer('initialView:reminder', calendar.halfway(new Date(state.loggedAt), due), (r, { config }, now) => remind(r, now, 'initialView', viewGivers(config)), due)),
    ...(state.overdueRaised.includes('initialView') ? [] : timer('initialView:overdue', due, (r, _, now) => raiseOverdue(r, now, 'initialView'))),
  ];
};
