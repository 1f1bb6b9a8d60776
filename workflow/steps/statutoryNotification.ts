import { sendAsked } from '../whenAway.js';
import type { ReferralDetails } from '../events.js';
import { actorAs, iso, recorder, refuse, sendKey, unique, words, type Handler, type Recorder } from '../kernel.js';
import { actingRole } from '../access.js';
import { partnerPeople, type PartnershipConfig } from '../partnership.js';
import type { CaseState } from '../state.js';

/**
 * The notifications the local authority owes the Secretary of State and Ofsted, apart from the
 * Panel (002 Section B: "The local authority must also notify the Secretary of State and Ofsted
 * where a Looked After Child has died, whether or not abuse or neglect is known or suspected";
 * Section D: a care leaver's death, up to and including 24). They do not wait for the partners'
 * decision and do not change it. Neither section gives a deadline, so none is set and no timer runs.
 */

const MAX_AGE_MS = 183 * 86_400_000;

/** Why the referral's answers contradict each other, or undefined. */
export function referralCriteriaProblem(referral: ReferralDetails): string | undefined {
  const careLeaver = referral.careLeaver ?? 'no';
  if (careLeaver !== 'no' && referral.lookedAfter) return 'A care leaver is no longer looked after: answer one or the other.';
  if (careLeaver === 'aged18to24' && referral.harm !== 'death') {
    return 'A care leaver aged 18 to 24 is logged only on their death (Section D); serious harm to an adult is not a serious incident notification.';
  }
  return undefined;
}

/** Whether the local authority must notify the Secretary of State and Ofsted, and why, in words. */
export function statutoryNotificationReason(referral: ReferralDetails): string | undefined {
  if (referral.harm !== 'death') return undefined;
  if (referral.lookedAfter) return 'a looked-after child has died';
  if (referral.careLeaver === 'under18' || referral.careLeaver === 'aged18to24') return 'a care leaver has died';
  return undefined;
}

/** A care leaver aged 18 to 24: no serious incident decision, no rapid review (Section D). */
export const isAdultCareLeaverDeath = (referral: ReferralDetails): boolean => referral.careLeaver === 'aged18to24' && referral.harm === 'death';

export const localAuthorityPeople = (config: PartnershipConfig): string[] => unique(partnerPeople(config, 'localAuthority').map((p) => p.aadObjectId));

/**
 * What follows the referral besides the initial view: the prompt to the local authority, and for
 * an adult care leaver the case closes at once. Returns whether the serious incident decision runs.
 */
export function afterReferralLogged(config: PartnershipConfig, r: Recorder, now: Date): { decisionRuns: boolean } {
  const referral = r.state!.referral;
  if (statutoryNotificationReason(referral)) {
    sendAsked(r, config, now, localAuthorityPeople(config), { kind: 'statutoryNotificationRequest' }, sendKey.statutoryNotificationRequest, true);
  }
  if (!isAdultCareLeaverDeath(referral)) return { decisionRuns: true };
  r.record({ type: 'CareLeaverDeathLogged', at: iso(now) });
  return { decisionRuns: false };
}

export function statutoryNotificationOutstanding(state: CaseState): boolean {
  return statutoryNotificationReason(state.referral) !== undefined && !state.statutoryNotification;
}

export const recordStatutoryNotification: Handler<'RecordStatutoryNotification'> = ({ config }, state, command, now) => {
  if (!state) return refuse('There is no such case.');
  const role = actingRole(config, command.actor.aadObjectId, 'RecordStatutoryNotification');
  if (!role) return refuse("Only the local authority's representative or a deputy can record the notification to the Secretary of State and Ofsted.");
  if (!statutoryNotificationReason(state.referral)) return refuse(`Case ${state.referral.caseRef} needs no notification to the Secretary of State and Ofsted: that is for the death of a looked-after child or a care leaver.`);
  if (state.statutoryNotification) return refuse(`The notification to the Secretary of State and Ofsted was already recorded by ${state.statutoryNotification.by.displayName}.`);
  const sentAt = new Date(command.sentAt);
  if (sentAt.getTime() > now.getTime()) return refuse('The time the notification was sent cannot be in the future.');
  if (sentAt.getTime() < Date.parse(state.loggedAt) - MAX_AGE_MS) return refuse('The time the notification was sent is more than six months before the referral was logged; please check it.');
  const r = recorder(state);
  r.record({ type: 'StatutoryNotificationRecorded', at: iso(now), by: actorAs(command.actor, role), sentAt: iso(sentAt) });
  r.effect({ type: 'refreshCards' });
  return r.done(`Recorded: the Secretary of State and Ofsted were notified at ${words(iso(sentAt), now)}.`);
};
