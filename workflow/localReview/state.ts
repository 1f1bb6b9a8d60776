import type { Actor, CaseEvent } from '../events.js';
import type { LocalReviewEventType } from './events.js';
import type { Justification, LcsprMethod, Milestone, ReviewerKind, ToldAbout } from './words.js';

/** The local review's slice of a case (CaseState.localReview), folded from its events only. */

export type LocalReviewEvent = Extract<CaseEvent, { type: LocalReviewEventType }>;

export type MilestoneRecord = {
  /** London date the business unit planned; moved by planning again. */
  plannedDate?: string;
  planned?: { at: string; by: Actor };
  done?: { at: string; by: Actor; doneDate: string; publish?: boolean };
};

export type LocalReview = {
  source: 'rapidReview' | 'reviewGroup';
  openedAt: string;
  openedBy?: Actor;
  decidedAt: string;
  /** The last London date on which publication is within six months of the decision (5.16). */
  publicationDueDate: string;
  rationale?: string;
  lead?: { leadPartnership: string; weLead: boolean; involved: string[]; lookedAfter?: boolean; responsibleAuthority?: string; leadReason?: string; by: Actor; at: string };
  told: Partial<Record<ToldAbout, { sentAt: string; by: Actor; at: string }>>;
  reviewer?: {
    name: string;
    kind: ReviewerKind;
    independence: string;
    conflicts: string;
    methodology: LcsprMethod[];
    termsOfReferenceUrl: string;
    family: { planned: boolean; note?: string };
    practitioners: { planned: boolean; note?: string };
    by: Actor;
    at: string;
  };
  milestones: Partial<Record<Milestone, MilestoneRecord>>;
  publication?: { plannedDate: string; copyDueAt: string; by: Actor; at: string };
  copySent?: { sentAt: string; copyDueAt: string; onTime: boolean; by: Actor; at: string };
  justifications: Partial<Record<Justification, { justification: string; sentAt: string; by: Actor; at: string }>>;
  published?: { publishedDate: string; url: string; onTime: boolean; by: Actor; at: string };
  /** Reminders and alerts sent, each keyed with the deadline it was about. */
  chased: string[];
};

/** The executive's decision at step 24, once recorded: publish (true) or not (false). */
export const publishDecision = (l: LocalReview): boolean | undefined => l.milestones.executiveApproval?.done?.publish;

export function foldLocalReview(slice: LocalReview | undefined, event: LocalReviewEvent): LocalReview | undefined {
  if (event.type === 'LocalReviewOpened') {
    return {
      source: event.source,
      openedAt: event.at,
      ...(event.by ? { openedBy: event.by } : {}),
      decidedAt: event.decidedAt,
      publicationDueDate: event.publicationDueDate,
      ...(event.rationale ? { rationale: event.rationale } : {}),
      told: {},
      milestones: {},
      justifications: {},
      chased: [],
    };
  }
  // Every other event follows the opening; one arriving without it changes nothing.
  if (!slice) return slice;
  const l = slice;
  switch (event.type) {
    case 'LocalReviewLeadRecorded':
      return {
        ...l,
        lead: {
          leadPartnership: event.leadPartnership,
          weLead: event.weLead,
          involved: event.involved,
          ...(event.lookedAfter !== undefined ? { lookedAfter: event.lookedAfter } : {}),
          ...(event.responsibleAuthority ? { responsibleAuthority: event.responsibleAuthority } : {}),
          ...(event.leadReason ? { leadReason: event.leadReason } : {}),
          by: event.by,
          at: event.at,
        },
      };
    case 'LocalReviewBodiesTold':
      return { ...l, told: { ...l.told, [event.about]: { sentAt: event.sentAt, by: event.by, at: event.at } } };
    case 'LocalReviewCommissioned':
      return {
        ...l,
        reviewer: {
          name: event.reviewerName,
          kind: event.reviewerKind,
          independence: event.independence,
          conflicts: event.conflicts,
          methodology: event.methodology,
          termsOfReferenceUrl: event.termsOfReferenceUrl,
          family: event.family,
          practitioners: event.practitioners,
          by: event.by,
          at: event.at,
        },
        // 5.6: the bodies are told the name of the reviewer commissioned; a new reviewer is told again.
        told: { ...(l.told.decision ? { decision: l.told.decision } : {}) },
      };
    case 'LocalReviewMilestonePlanned':
      return { ...l, milestones: { ...l.milestones, [event.milestone]: { ...l.milestones[event.milestone], plannedDate: event.plannedDate, planned: { at: event.at, by: event.by } } } };
    case 'LocalReviewMilestoneDone':
      return {
        ...l,
        milestones: { ...l.milestones, [event.milestone]: { ...l.milestones[event.milestone], done: { at: event.at, by: event.by, doneDate: event.doneDate, ...(event.publish !== undefined ? { publish: event.publish } : {}) } } },
      };
    case 'LocalReviewPublicationPlanned':
      return {
        ...l,
        publication: { plannedDate: event.plannedDate, copyDueAt: event.copyDueAt, by: event.by, at: event.at },
        // 5.18: the copy is due before the PLANNED day, so a copy already sent is judged again against the new plan.
        ...(l.copySent ? { copySent: { ...l.copySent, copyDueAt: event.copyDueAt, onTime: Date.parse(l.copySent.sentAt) <= Date.parse(event.copyDueAt) } } : {}),
      };
    case 'LocalReviewCopySent':
      return { ...l, copySent: { sentAt: event.sentAt, copyDueAt: event.copyDueAt, onTime: event.onTime, by: event.by, at: event.at } };
    case 'LocalReviewJustificationSent':
      return { ...l, justifications: { ...l.justifications, [event.about]: { justification: event.justification, sentAt: event.sentAt, by: event.by, at: event.at } } };
    case 'LocalReviewPublished':
      return { ...l, published: { publishedDate: event.publishedDate, url: event.url, onTime: event.onTime, by: event.by, at: event.at } };
    case 'LocalReviewChased':
      return { ...l, chased: [...l.chased, event.chase] };
  }
}
