import { checkFreeText } from '../freeText.js';
import { actorAs, iso, recorder, refuse, words, type Handler } from '../kernel.js';
import { actingRole } from '../access.js';
import { dayWords, documentLink, findReview, sentAtProblem, shortTextProblem } from './common.js';
import { leadContradiction, leadRule, ruleWords } from './lead.js';
import { decisionTold, decisionToldWords } from './told.js';

/**
 * Who leads, who is told, and the reviewer. 5.5: "The Local Safeguarding Children Partnership for
 * the area in which the child is normally resident decides ... Any other partnerships that have an
 * interest or involvement in the case should be invited"; "In the case of looked after children, the
 * local authority with statutory responsibility for the looked after child should take lead
 * responsibility". 5.6: the Panel, Ofsted and DfE are told of the decision "including the name of any
 * reviewer commissioned where known". 5.7: "A decision will be made ... as to whether an external or
 * internal independent reviewer will be commissioned", considering "f) Any real or perceived conflict
 * of interest". 5.8: "The Terms of Reference ... will be agreed by the Learning Inquiry Group and the
 * reviewer." Appendix A step 14: "Family involvement considered and planned as appropriate."
 */

export const recordLocalReviewLead: Handler<'RecordLocalReviewLead'> = ({ config }, state, command, now) => {
  const role = actingRole(config, command.actor.aadObjectId, 'RecordLocalReviewLead');
  if (!role) return refuse('Only the business unit records who leads the local review.');
  const found = findReview(state);
  if (found.error) return found.error;
  if (found.l.published) return refuse(`The local review was published on ${dayWords(found.l.published.publishedDate)}.`);
  const lead = command.leadPartnership.trim();
  const problem = shortTextProblem(lead, 'lead partnership') ?? command.involved.map((p) => shortTextProblem(p, 'involved partnership')).find(Boolean);
  if (problem) return refuse(problem);
  const contradiction = leadContradiction(config, lead, command.weLead);
  if (contradiction) return refuse(contradiction);
  const involved = [...new Set(command.involved.map((p) => p.trim()).filter((p) => p && p !== lead))];
  // 5.5: for a looked-after child the responsible authority's partnership leads; another lead needs a stated reason.
  const lookedAfter = command.lookedAfter ?? state!.referral.lookedAfter;
  const authority = command.responsibleAuthority?.trim() ?? '';
  if (lookedAfter && !authority) return refuse('For a looked-after child, please give the responsible authority: the local authority with statutory responsibility for the child, whose partnership leads the review (5.5).');
  if (!lookedAfter && authority) return refuse('A responsible authority is recorded only for a looked-after child. Either say the child is looked after, or leave the responsible authority empty.');
  const authorityProblem = authority ? shortTextProblem(authority, 'responsible authority') : undefined;
  if (authorityProblem) return refuse(authorityProblem);
  const rule = leadRule(config, lookedAfter, authority, command.weLead);
  let leadReason: string | undefined;
  if (rule.lookedAfter && !rule.follows) {
    const should = ruleWords(config, rule.responsibleAuthority, rule.authorityIsOurs);
    if (!command.leadReason?.trim()) return refuse(`For a looked-after child the responsible authority's partnership leads (5.5): that is ${should}. Record the lead as that, or give the reason it does not lead.`);
    const reasonProblem = checkFreeText("reason the responsible authority's partnership does not lead", command.leadReason, { required: true });
    if (reasonProblem) return refuse(reasonProblem.message);
    leadReason = command.leadReason.trim();
  }
  const r = recorder(state);
  r.record({
    type: 'LocalReviewLeadRecorded',
    at: iso(now),
    by: actorAs(command.actor, role),
    leadPartnership: lead,
    weLead: command.weLead,
    involved,
    lookedAfter,
    ...(rule.lookedAfter ? { responsibleAuthority: rule.responsibleAuthority } : {}),
    ...(leadReason ? { leadReason } : {}),
  });
  r.effect({ type: 'refreshCards' });
  const why = !rule.lookedAfter
    ? 'where the child normally lives'
    : rule.follows
      ? `the responsible authority for the looked-after child is ${rule.responsibleAuthority}`
      : `not the partnership of ${rule.responsibleAuthority}, the responsible authority for the looked-after child; the reason is recorded`;
  const changed = lookedAfter !== state!.referral.lookedAfter ? ` The referral recorded the child as ${state!.referral.lookedAfter ? '' : 'not '}looked after; this record says ${lookedAfter ? '' : 'not '}looked after.` : '';
  return r.done(`Recorded: ${command.weLead ? 'this partnership leads' : `${lead} leads`} (${why})${involved.length ? `; involved: ${involved.join(', ')}` : ''}.${changed}`);
};

export const recordLocalReviewBodiesTold: Handler<'RecordLocalReviewBodiesTold'> = ({ config }, state, command, now) => {
  const role = actingRole(config, command.actor.aadObjectId, 'RecordLocalReviewBodiesTold');
  if (!role) return refuse('Only the business unit records when the Panel, Ofsted and DfE were told.');
  const found = findReview(state);
  if (found.error) return found.error;
  const { l } = found;
  if (command.about === 'reviewer' && !l.reviewer) return refuse("Record the reviewer's commissioning first; then record when the Panel, Ofsted and DfE were told the reviewer's name.");
  const viaRapidReview = command.about === 'decision' ? decisionTold(state!) : undefined;
  if (viaRapidReview?.via === 'rapidReview') return refuse(decisionToldWords(viaRapidReview, now));
  const already = l.told[command.about];
  if (already) return refuse(`Already recorded: told ${command.about === 'decision' ? 'of the decision' : "the reviewer's name"} at ${words(already.sentAt, now)}.`);
  const problem = sentAtProblem(command.sentAt, l, now);
  if (problem) return refuse(problem);
  const r = recorder(state);
  r.record({ type: 'LocalReviewBodiesTold', at: iso(now), by: actorAs(command.actor, role), about: command.about, sentAt: iso(new Date(command.sentAt)) });
  r.effect({ type: 'refreshCards' });
  return r.done(`Recorded: the Panel, Ofsted and DfE were told ${command.about === 'decision' ? 'of the decision' : `the reviewer's name (${l.reviewer!.name})`} at ${words(command.sentAt, now)}.`);
};

export const commissionLocalReviewer: Handler<'CommissionLocalReviewer'> = ({ config }, state, command, now) => {
  const role = actingRole(config, command.actor.aadObjectId, 'CommissionLocalReviewer');
  if (!role) return refuse("Only the business unit records the reviewer's commissioning.");
  const found = findReview(state);
  if (found.error) return found.error;
  const { l } = found;
  // 5.7: "may remove a reviewer from a review at any time prior to the publication".
  if (l.published) return refuse(`The local review was published on ${dayWords(l.published.publishedDate)}; the reviewer can no longer change.`);
  // A reviewer is a professional: their name is recorded (5.18 "The name of the reviewer(s) should be included"), so it is not checked for a child's name.
  const problem =
    shortTextProblem(command.reviewerName, "reviewer's name", false) ??
    checkFreeText('independence statement', command.independence, { required: true })?.message ??
    checkFreeText('conflicts of interest statement', command.conflicts, { required: true })?.message ??
    (command.methodology.length === 0 ? 'Please choose the methodology from the menu (002 Appendix B).' : undefined) ??
    checkFreeText('family engagement note', command.familyNote, { required: false })?.message ??
    checkFreeText('practitioner engagement note', command.practitionerNote, { required: false })?.message;
  if (problem) return refuse(problem);
  const link = documentLink(config, command.termsOfReferenceUrl, 'terms of reference');
  if (link.error !== undefined) return refuse(link.error);
  const note = (text: string | undefined) => (text?.trim() ? { note: text.trim() } : {});
  const r = recorder(state);
  r.record({
    type: 'LocalReviewCommissioned',
    at: iso(now),
    by: actorAs(command.actor, role),
    reviewerName: command.reviewerName.trim(),
    reviewerKind: command.reviewerKind,
    independence: command.independence.trim(),
    conflicts: command.conflicts.trim(),
    methodology: [...new Set(command.methodology)],
    termsOfReferenceUrl: link.url,
    family: { planned: command.familyEngagementPlanned, ...note(command.familyNote) },
    practitioners: { planned: command.practitionerEngagementPlanned, ...note(command.practitionerNote) },
  });
  r.effect({ type: 'refreshCards' });
  const replaced = l.reviewer ? ` It replaces ${l.reviewer.name}.` : '';
  return r.done(`Recorded: ${command.reviewerName.trim()} commissioned.${replaced} What happens next: tell the Panel, Ofsted and DfE the reviewer's name and record when.`);
};
