import { agencyIdsOf } from '../../cards/verbs.js';
import type { CaseCommand } from '../../workflow/commands.js';
import type { Partner } from '../../workflow/partnership.js';
import { londonInstant } from '../londonTime.js';
import { refused, route, type CardRoute } from './route.js';

/**
 * The rapid review (DOMAIN "The rapid review and scoping returns"): set-up, the agencies' returns
 * and extensions, attendance, the meeting's outcome, approval and sending; and the partners'
 * decision not to hold one.
 */
export const RAPID_REVIEW_ROUTES: readonly CardRoute[] = [
  route({
    verb: 'review.setup',
    answer: () => ({ kind: 'rapidReviewSetup' }),
    toCommand: (d, actor) => {
      const meetingAt = londonInstant(d.meetingDate, d.meetingTime);
      if (!meetingAt) return refused('Please give the date and time of the rapid review meeting.');
      let returnsDueAt: Date | undefined;
      if (d.returnsDate) {
        returnsDueAt = londonInstant(d.returnsDate, '12:00');
        if (!returnsDueAt) return refused('Please give a valid return date, or leave it empty for the default.');
      }
      const agencies = d.agencies.split(',').map((id) => id.trim()).filter(Boolean);
      return {
        type: 'SetUpRapidReview',
        actor,
        meetingAt: meetingAt.toISOString(),
        agencies,
        // Where domestic abuse is identified, the procedure asks the specialist service and invites it to the meeting (North Tyneside).
        ...(d.includeDomesticAbuse === 'true' ? { domesticAbuse: true } : {}),
        ...(returnsDueAt ? { returnsDueAt: returnsDueAt.toISOString() } : {}),
      };
    },
  }),
  route({
    verb: 'scoping.return',
    answer: (d) => ({ kind: 'scopingRequest', agency: d.agency }),
    toCommand: (d, actor) => ({ type: 'RecordScopingReturn', actor, agency: d.agency, documentUrl: d.documentUrl }),
  }),
  route({
    verb: 'scoping.noInvolvement',
    answer: (d) => ({ kind: 'scopingRequest', agency: d.agency }),
    toCommand: (d, actor) => ({ type: 'RecordNoInvolvement', actor, agency: d.agency }),
  }),
  route({
    verb: 'scoping.extension',
    answer: (d) => ({ kind: 'scopingRequest', agency: d.agency }),
    toCommand: (d, actor) => {
      const proposed = londonInstant(d.proposedDate, '12:00');
      if (!proposed) return refused('Please give the date you propose.');
      return { type: 'RequestExtension', actor, agency: d.agency, reason: d.reason, proposedDueAt: proposed.toISOString() };
    },
  }),
  route({
    verb: 'extension.decide',
    answer: (d) => ({ kind: 'extensionDecisionRequest', agency: d.agency }),
    toCommand: (d, actor) => ({ type: 'DecideExtension', actor, agency: d.agency, agree: d.decision === 'agree' }),
  }),
  route({
    verb: 'review.attendance',
    answer: () => ({ kind: 'attendanceRequest' }),
    toCommand: (d, actor) => ({ type: 'ConfirmAttendance', actor, attending: d.attending === 'yes' }),
  }),
  route({
    verb: 'review.outcome',
    answer: () => ({ kind: 'rapidReviewOutcomeRequest' }),
    toCommand: (d, actor): CaseCommand => ({
      type: 'RecordRapidReviewMeeting',
      actor,
      attended: d.attended.split(',').filter((p): p is Partner => p === 'localAuthority' || p === 'police' || p === 'health'),
      invitedAttended: agencyIdsOf(d.invitedAttended),
      lcsprRecommended: d.lcsprRecommended === 'yes',
      rationale: d.rationale,
      ...(d.linesOfEnquiry ? { linesOfEnquiry: d.linesOfEnquiry } : {}),
      ...(d.methodology ? { methodology: d.methodology } : {}),
    }),
  }),
  route({
    verb: 'review.approve',
    answer: () => ({ kind: 'rapidReviewOutcomeRequest' }),
    toCommand: (_d, actor) => ({ type: 'ApproveRapidReview', actor }),
  }),
  route({
    verb: 'review.sent',
    answer: () => ({ kind: 'rapidReviewSendPrompt' }),
    toCommand: (d, actor) => {
      const sentAt = londonInstant(d.sentDate, d.sentTime);
      // The card leaves out the DfE fields when the local review card already records the decision told (5.6).
      const dfeGiven = d.dfeDate !== undefined || d.dfeTime !== undefined;
      const dfeSentAt = dfeGiven ? londonInstant(d.dfeDate ?? '', d.dfeTime ?? '') : undefined;
      if (!sentAt || (dfeGiven && !dfeSentAt)) return refused('Please give the dates and times it was sent to the Panel and Ofsted, and the decision to DfE.');
      return { type: 'RecordRapidReviewSent', actor, sentAt: sentAt.toISOString(), ...(dfeSentAt ? { dfeSentAt: dfeSentAt.toISOString() } : {}) };
    },
  }),
  route({
    verb: 'noReview.record',
    answer: () => ({ kind: 'noRapidReview' }),
    toCommand: (d, actor) => ({
      type: 'RecordNoRapidReview',
      actor,
      partnersAgreed: d.partnersAgreed === 'true',
      scrutineerOversight: d.scrutineerOversight === 'true',
      rationale: d.rationale,
    }),
  }),
  route({
    verb: 'noReview.panelTold',
    answer: () => ({ kind: 'noRapidReview' }),
    toCommand: (d, actor) => {
      const sentAt = londonInstant(d.sentDate, d.sentTime);
      if (!sentAt) return refused('Please give the date and time the Panel was told.');
      return { type: 'RecordNoRapidReviewPanelTold', actor, sentAt: sentAt.toISOString() };
    },
  }),
];
