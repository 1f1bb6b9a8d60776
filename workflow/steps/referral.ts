import { sendAsked } from '../whenAway.js';
import { checkDocumentLink } from '../documentLink.js';
import { actorAs, iso, recorder, refuse, sendKey, unique, words, type Handler } from '../kernel.js';
import { actingRole } from '../access.js';
import { afterReferralLogged, referralCriteriaProblem } from './statutoryNotification.js';

/** Step 1 (DOMAIN): the business unit logs a referral by its case reference; the initial view is asked for. */

const AWARENESS_MAX_AGE_MS = 183 * 86_400_000;

export const logReferral: Handler<'LogReferral'> = ({ config, calendar, caseRefPattern }, state, command, now) => {
  const role = actingRole(config, command.actor.aadObjectId, 'LogReferral');
  if (!role) return refuse("Only members of the partnership's business unit can log a referral.");
  const { referral } = command;
  if (!caseRefPattern.test(referral.caseRef)) {
    // Not echoed back: what was typed may be a child's name.
    return refuse("That is not a case reference. Use the partnership's pattern, for example RR-2026-014; never a name.");
  }
  if (state) return refuse(`Case ${referral.caseRef} already exists: it was logged on ${words(state.loggedAt, now)}.`);
  if (!config.referringAgencies.includes(referral.referringAgency)) {
    // Not echoed: a refusal is shown as Markdown, and what was sent here is not one of ours.
    return refuse("That is not one of the partnership's referring agencies: choose one from the list.");
  }
  const awareAt = new Date(referral.awareAt);
  if (awareAt.getTime() > now.getTime()) return refuse('The date and time the partnership became aware cannot be in the future.');
  if (awareAt.getTime() < now.getTime() - AWARENESS_MAX_AGE_MS) {
    return refuse('The date the partnership became aware is more than six months ago; please check it. A Panel notification is due 5 working days from that date.');
  }
  const link = checkDocumentLink(config, referral.documentUrl, 'The referral document');
  if (!link.ok) return refuse(link.refusal);
  const criteria = referralCriteriaProblem(referral);
  if (criteria) return refuse(criteria);
  const r = recorder(state);
  r.record({
    type: 'ReferralLogged',
    at: iso(now),
    by: actorAs(command.actor, role),
    referral,
    initialViewDueAt: iso(calendar.addWorkingDays(now, 1)),
    panelNotificationDueAt: iso(calendar.addWorkingDays(awareAt, 5)),
  });
  const { decisionRuns } = afterReferralLogged(config, r, now);
  if (decisionRuns) sendAsked(r, config, now, unique([config.reviewGroupChair.aadObjectId, config.childrensServicesDirector.aadObjectId]), { kind: 'initialViewRequest' }, sendKey.initialViewRequest, true);
  return r.done(decisionRuns ? `Referral ${referral.caseRef} logged.` : `The death of a care leaver is logged as ${referral.caseRef}.`);
};
