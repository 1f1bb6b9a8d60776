import type { LcsprMethod } from '../../workflow/localReview/words.js';
import { londonInstant } from '../londonTime.js';
import { refused, route, type CardRoute } from './route.js';

/** The local review (LCSPR), issue 17: the business unit's forms on its board card, each one command. */

const BOARD = () => ({ kind: 'localReviewBoard' as const });
const list = (text: string): string[] => text.split(/[,\n]/).map((x) => x.trim()).filter(Boolean);

export const LOCAL_REVIEW_ROUTES: readonly CardRoute[] = [
  route({
    verb: 'localReview.open',
    answer: BOARD,
    toCommand: (d, actor) => {
      const decidedAt = londonInstant(d.decidedDate, d.decidedTime);
      if (!decidedAt) return refused('Please give the date and time the partners decided to hold the review.');
      return { type: 'OpenLocalReview', actor, decidedAt: decidedAt.toISOString(), rationale: d.rationale };
    },
  }),
  route({
    verb: 'localReview.lead',
    answer: BOARD,
    toCommand: (d, actor) => ({
      type: 'RecordLocalReviewLead',
      actor,
      leadPartnership: d.leadPartnership,
      weLead: d.weLead === 'true',
      involved: list(d.involved),
      // A card sent before the field existed has no toggle: the referral's answer stands.
      ...(d.lookedAfter !== undefined ? { lookedAfter: d.lookedAfter === 'true' } : {}),
      ...(d.responsibleAuthority.trim() ? { responsibleAuthority: d.responsibleAuthority } : {}),
      ...(d.leadReason?.trim() ? { leadReason: d.leadReason } : {}),
    }),
  }),
  route({
    verb: 'localReview.told',
    answer: BOARD,
    toCommand: (d, actor) => {
      const sentAt = londonInstant(d.toldDate, d.toldTime);
      if (!sentAt) return refused('Please give the date and time the Panel, Ofsted and DfE were told.');
      return { type: 'RecordLocalReviewBodiesTold', actor, about: d.about, sentAt: sentAt.toISOString() };
    },
  }),
  route({
    verb: 'localReview.commission',
    answer: BOARD,
    toCommand: (d, actor) => ({
      type: 'CommissionLocalReviewer',
      actor,
      reviewerName: d.reviewer,
      reviewerKind: d.reviewerKind,
      independence: d.independence,
      conflicts: d.conflicts,
      methodology: list(d.methodology) as LcsprMethod[],
      termsOfReferenceUrl: d.termsOfReferenceUrl,
      familyEngagementPlanned: d.familyPlanned === 'true',
      ...(d.familyNote ? { familyNote: d.familyNote } : {}),
      practitionerEngagementPlanned: d.practitionersPlanned === 'true',
      ...(d.practitionerNote ? { practitionerNote: d.practitionerNote } : {}),
    }),
  }),
  route({
    verb: 'localReview.plan',
    answer: BOARD,
    toCommand: (d, actor) => ({ type: 'PlanLocalReviewMilestone', actor, milestone: d.planMilestone, plannedDate: d.planDate }),
  }),
  route({
    verb: 'localReview.done',
    answer: BOARD,
    toCommand: (d, actor) => ({ type: 'RecordLocalReviewMilestone', actor, milestone: d.doneMilestone, doneDate: d.doneDate, ...(d.publish ? { publish: d.publish === 'yes' } : {}) }),
  }),
  route({
    verb: 'localReview.publication',
    answer: BOARD,
    toCommand: (d, actor) => ({ type: 'PlanLocalReviewPublication', actor, plannedDate: d.publicationDate }),
  }),
  route({
    verb: 'localReview.copySent',
    answer: BOARD,
    toCommand: (d, actor) => {
      const sentAt = londonInstant(d.copyDate, d.copyTime);
      if (!sentAt) return refused('Please give the date and time the copy was sent.');
      return { type: 'RecordLocalReviewCopySent', actor, sentAt: sentAt.toISOString() };
    },
  }),
  route({
    verb: 'localReview.justify',
    answer: BOARD,
    toCommand: (d, actor) => {
      const sentAt = londonInstant(d.justifiedDate, d.justifiedTime);
      if (!sentAt) return refused('Please give the date and time the justification was sent.');
      return { type: 'RecordLocalReviewJustification', actor, about: d.justifies, justification: d.justification, sentAt: sentAt.toISOString() };
    },
  }),
  route({
    verb: 'localReview.published',
    answer: BOARD,
    toCommand: (d, actor) => ({ type: 'RecordLocalReviewPublished', actor, publishedDate: d.publishedDate, url: d.url }),
  }),
];
