import { actorAs, iso, monitoring, person, recorder, refuse, sendKey, unique, words, type Handler } from '../kernel.js';
import { actingRole } from '../access.js';
import { PARTNERS, partnerPeople, type PartnershipConfig } from '../partnership.js';
import { openReview } from './common.js';

/**
 * Completing the rapid review (002 Section B and Appendix A). Section B: "share the Rapid Review
 * with the: Chair of the Learning Inquiry Group for approval and Learning Inquiry Group members for
 * their information. Safeguarding partners and the ... Independent Scrutineer for the purposes of
 * scrutiny. Child Safeguarding Practice Review Panel and Ofsted." Appendix A: "IOWSCP Executive
 * Group members informed." 5.6: the Panel, Ofsted and DfE are told of the LCSPR decision. The
 * 15-working-day deadline from the notification still applies to the sending.
 */

/** The executive as configured; by default the partnership chair and the partners' representatives (the "delegated safeguarding partners", 5.6). */
function executive(config: PartnershipConfig): string[] {
  return unique((config.executive ?? [config.partnershipChair, ...PARTNERS.map((p) => config.partners[p].representative)]).map((p) => p.aadObjectId));
}

export const approveRapidReview: Handler<'ApproveRapidReview'> = ({ config }, state, command, now) => {
  const found = openReview(state);
  if (found.error) return found.error;
  const { rr } = found;
  const role = actingRole(config, command.actor.aadObjectId, 'ApproveRapidReview');
  if (!role) return refuse('Only the review group chair can approve the rapid review.');
  if (!rr.lcspr?.decided) return refuse("The rapid review can be approved once the partners' decision on a local review is recorded.");
  if (rr.approved) return refuse(`The rapid review was already approved by ${rr.approved.by.displayName} at ${words(rr.approved.at, now)}.`);
  const r = recorder(state);
  r.record({ type: 'RapidReviewApproved', at: iso(now), by: actorAs(command.actor, role) });
  // Review-group members, for information: each member agency's contacts, on a card about their agency.
  for (const agency of config.agencies.filter((a) => (a.reviewGroup || a.partner) && rr.agencies[a.id])) {
    for (const to of unique([agency.contact.aadObjectId, ...agency.deputies.map((d) => d.aadObjectId)])) {
      r.effect({ type: 'send', key: sendKey.rapidReviewForInformation(agency.id, to), to: person(to), card: { kind: 'rapidReviewForInformation', agency: agency.id }, tracked: false });
    }
  }
  // The partners and the scrutineer for scrutiny, and the executive informed.
  const scrutiny = unique([...PARTNERS.flatMap((p) => partnerPeople(config, p).map((x) => x.aadObjectId)), config.independentScrutineer.aadObjectId, ...executive(config)]);
  for (const to of scrutiny) r.effect({ type: 'send', key: sendKey.rapidReviewApproved(to), to: person(to), card: { kind: 'rapidReviewApproved' }, tracked: false });
  r.effect({ type: 'send', key: sendKey.rapidReviewSendPrompt(), to: monitoring, card: { kind: 'rapidReviewSendPrompt' }, tracked: true });
  r.effect({ type: 'refreshCards' });
  return r.done(`Approved. The business unit is asked to send it to the Panel and Ofsted, and the LCSPR decision to DfE, by ${words(rr.dueAt, now)}.`);
};

export const recordRapidReviewSent: Handler<'RecordRapidReviewSent'> = ({ config }, state, command, now) => {
  const found = openReview(state);
  if (found.error) return found.error;
  const { rr } = found;
  const role = actingRole(config, command.actor.aadObjectId, 'RecordRapidReviewSent');
  if (!role) return refuse("Only the partnership's business unit records when the rapid review was sent.");
  const decided = rr.lcspr?.decided;
  if (!rr.approved || !decided || !rr.lcspr) return refuse('The rapid review is sent once the review group chair has approved it.');
  const sentAt = new Date(command.sentAt);
  // 5.6: the decision told to DfE once. Told first on the local review card, that record is used, not asked for again.
  const toldOnLocalReview = state!.localReview?.told.decision;
  if (!command.dfeSentAt && !toldOnLocalReview) return refuse('Please give when the LCSPR decision went to DfE.');
  const dfeSentAt = new Date(command.dfeSentAt ?? toldOnLocalReview!.sentAt);
  for (const at of command.dfeSentAt ? [sentAt, dfeSentAt] : [sentAt]) {
    if (at.getTime() > now.getTime()) return refuse('A date it was sent cannot be in the future.');
    if (at.getTime() < Date.parse(rr.approved.at)) return refuse(`A date it was sent is before the chair's approval (${words(rr.approved.at, now)}); please check it.`);
  }
  const onTime = sentAt.getTime() <= Date.parse(rr.dueAt);
  const r = recorder(state);
  r.record({
    type: 'RapidReviewCompleted',
    at: iso(now),
    by: actorAs(command.actor, role),
    lcsprNeeded: decided.lcspr,
    rationale: decided.rationale ?? rr.lcspr.rationale,
    sentAt: iso(sentAt),
    onTime,
    dfeSentAt: iso(dfeSentAt),
  });
  r.effect({ type: 'send', key: sendKey.rapidReviewCompleted(), to: monitoring, card: { kind: 'rapidReviewCompleted' }, tracked: false });
  r.effect({ type: 'refreshCards' });
  return r.done(`Recorded: the rapid review is complete (${onTime ? 'on time' : 'late'}).`);
};
