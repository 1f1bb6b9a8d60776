import { z } from 'zod';

/**
 * The local review's vocabulary: the methodology menu and the milestones, each with the seed's
 * words, so cards, history and the tab word them alike.
 */

/**
 * 002 Appendix B, "Local Child Safeguarding Practice Review": "A panel may be established consisting
 * of health, children's services, police, and any identified agencies as required. Agencies involved
 * in the case may be asked to produce further chronology and/or narrative and analysis of their
 * involvement with the case. Meetings may be held with practitioners as required and a multi-agency
 * workshop may be held." 5.8: "consistent with ... the systems methodology recommended by the Munro
 * Review". The menu is these elements; the review group picks one or more (Appendix B: "It is the
 * responsibility of the Learning Inquiry Group to agree the methodology").
 */
export const LCSPR_METHODS = ['systemsMethodology', 'reviewPanel', 'agencyChronologies', 'practitionerMeetings', 'multiAgencyWorkshop'] as const;
export const LcsprMethodSchema = z.enum(LCSPR_METHODS);
export type LcsprMethod = z.infer<typeof LcsprMethodSchema>;

export const METHOD_WORDS: Record<LcsprMethod, string> = {
  systemsMethodology: 'Systems methodology (the Munro Review)',
  reviewPanel: "A review panel (health, children's services, police and agencies as required)",
  agencyChronologies: "Agencies' further chronology, narrative and analysis",
  practitionerMeetings: 'Meetings with practitioners',
  multiAgencyWorkshop: 'A multi-agency workshop',
};

/**
 * 002 Appendix A, stage 2 ("Review"), the steps the partnership records, in order: 18 "Early draft
 * report shared with LIG chair and senior managers from partner agencies as appropriate", 19 "Final
 * report produced with findings and recommendations", 21 "Communication and media strategy agreed",
 * 22 "Final report presented to LIG by Reviewer", 23 "Partnership
 * response to the report produced", 24 "Final report taken to IOWSCP Executive for approval ...
 * agree publication (or non-publication)", 25 "Final report taken to IOWSCP Main Board for
 * ratification", 26 "Outcomes shared with the family and child/children and feedback to
 * practitioners involved in the process". Step 20 ("Multi-agency and single agency action plans
 * produced") is the recommendations and actions area (workflow/actions/), not a milestone here;
 * steps 13-14 are the commissioning, 15-17 the review's own work with no date the seed sets.
 */
export const MILESTONES = ['earlyDraft', 'finalReportProduced', 'communicationStrategy', 'finalReportPresented', 'partnershipResponse', 'executiveApproval', 'boardRatification', 'outcomesShared'] as const;
export const MilestoneSchema = z.enum(MILESTONES);
export type Milestone = z.infer<typeof MilestoneSchema>;

export const MILESTONE_WORDS: Record<Milestone, string> = {
  earlyDraft: 'Early draft shared with the review group chair and partner agencies\' senior managers as appropriate (step 18)',
  finalReportProduced: 'Final report produced with findings and recommendations (step 19)',
  communicationStrategy: 'Communication and media strategy agreed (step 21)',
  finalReportPresented: 'Final report presented to the review group by the reviewer (step 22)',
  partnershipResponse: 'Partnership response to the report (step 23)',
  executiveApproval: 'Executive approval and the decision to publish or not (step 24)',
  boardRatification: 'Board ratification (step 25)',
  outcomesShared: 'Outcomes shared with the family and practitioners (step 26)',
};

export const ReviewerKindSchema = z.enum(['internal', 'external']);
export type ReviewerKind = z.infer<typeof ReviewerKindSchema>;

/** 5.7 footnotes 13 and 14. */
export const REVIEWER_KIND_WORDS: Record<ReviewerKind, string> = {
  internal: 'internal independent reviewer (employed by a partnership agency, no involvement in the case)',
  external: 'external independent reviewer (not worked for a partnership agency in the past five years)',
};

/** 5.6: told of the decision, and of the reviewer's name once commissioned. */
export const ToldAboutSchema = z.enum(['decision', 'reviewer']);
export type ToldAbout = z.infer<typeof ToldAboutSchema>;

/** 5.18: "the justification for any non-publication, or delay to publication". */
export const JustificationSchema = z.enum(['delay', 'notPublished']);
export type Justification = z.infer<typeof JustificationSchema>;

export const JUSTIFICATION_WORDS: Record<Justification, string> = {
  delay: 'delay to publication beyond six months',
  notPublished: 'the decision not to publish',
};

export const OPENED_WORDS = {
  rapidReview: "the partners' decision on the rapid review",
  reviewGroup: 'a case the review group discussed without a notification',
} as const;
