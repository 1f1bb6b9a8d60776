import type { Actor } from './events.js';
import { dayWords } from './localReview/common.js';
import { isLocalReviewEventType } from './localReview/events.js';
import type { LocalReviewEvent } from './localReview/state.js';
import { JUSTIFICATION_WORDS, METHOD_WORDS, MILESTONE_WORDS, OPENED_WORDS, REVIEWER_KIND_WORDS, type Milestone } from './localReview/words.js';
import type { TimelineRow } from './timelineRow.js';

/** The timeline's rows for the local review (LCSPR): workflow/localReview/. */

export const isLocalReviewRowEvent = (event: { type: string }): event is LocalReviewEvent => isLocalReviewEventType(event.type);

const BOT = { who: 'Recorded automatically', role: 'the bot' };
const lower = (m: Milestone) => MILESTONE_WORDS[m].charAt(0).toLowerCase() + MILESTONE_WORDS[m].slice(1);

/** What a reminder or alert key ("copyOverdue:<instant>", "milestone:earlyDraft:<date>") was about, in words. */
function chaseWords(chase: string): string {
  const [kind, a] = chase.split(':');
  if (kind === 'publicationOverdue') return 'The six-month publication deadline passed without a publication recorded: the business unit and the monitoring channel were alerted.';
  if (kind === 'copyOverdue') return 'The copy of the full report to the Panel and the Secretary of State is overdue: the business unit and the monitoring channel were alerted.';
  if (kind === 'milestone') return `Chased the business unit: ${lower(a as Milestone)} was planned and is not recorded done.`;
  if (kind?.startsWith('publicationReminder')) return `Reminded the business unit: publication is due within six months of the decision (${kind.slice('publicationReminder'.length)} working days' notice).`;
  if (kind?.startsWith('copyReminder')) return `Reminded the business unit: the copy to the Panel and the Secretary of State is due (${kind.slice('copyReminder'.length)} working days' notice).`;
  return `Reminder sent (${chase}).`;
}

export function localReviewRow(event: LocalReviewEvent, at: (iso: string) => string): TimelineRow {
  const by = (actor: Actor) => ({ who: actor.displayName, role: actor.role });
  switch (event.type) {
    case 'LocalReviewOpened':
      return {
        at: event.at,
        ...(event.by ? by(event.by) : BOT),
        what: `Opened the local review (LCSPR) from ${OPENED_WORDS[event.source]}, decided at ${at(event.decidedAt)}: to be published by ${dayWords(event.publicationDueDate)} (six months). The executive was sent the letter of notification.`,
        ...(event.rationale ? { detail: event.rationale } : {}),
        deemed: false,
      };
    case 'LocalReviewLeadRecorded':
      return {
        at: event.at,
        ...by(event.by),
        what:
          `Recorded the lead: ${event.weLead ? 'this partnership leads' : `${event.leadPartnership} leads`}` +
          (event.lookedAfter ? ` (a looked-after child; the responsible authority is ${event.responsibleAuthority}${event.leadReason ? ", whose partnership does not lead: the reason is below" : ''})` : event.lookedAfter === false ? ' (not a looked-after child)' : '') +
          `${event.involved.length ? `; partnerships involved: ${event.involved.join(', ')}` : ''}.`,
        ...(event.leadReason ? { detail: event.leadReason } : {}),
        deemed: false,
      };
    case 'LocalReviewBodiesTold':
      return { at: event.at, ...by(event.by), what: `Recorded that the Panel, Ofsted and DfE were told ${event.about === 'decision' ? 'of the decision to hold the review' : "the reviewer's name"} at ${at(event.sentAt)}.`, deemed: false };
    case 'LocalReviewCommissioned':
      return {
        at: event.at,
        ...by(event.by),
        what:
          `Commissioned ${event.reviewerName}, ${REVIEWER_KIND_WORDS[event.reviewerKind]}. Methodology: ${event.methodology.map((m) => METHOD_WORDS[m]).join('; ')}. ` +
          `Family engagement ${event.family.planned ? 'planned' : 'not planned'}; practitioner engagement ${event.practitioners.planned ? 'planned' : 'not planned'}. Terms of reference linked.`,
        detail: [`Independence: ${event.independence}`, `Conflicts of interest: ${event.conflicts}`, event.family.note ? `Family: ${event.family.note}` : '', event.practitioners.note ? `Practitioners: ${event.practitioners.note}` : ''].filter(Boolean).join('\n'),
        deemed: false,
      };
    case 'LocalReviewMilestonePlanned':
      return { at: event.at, ...by(event.by), what: `Planned ${lower(event.milestone)} for ${dayWords(event.plannedDate)}.`, deemed: false };
    case 'LocalReviewMilestoneDone':
      return {
        at: event.at,
        ...by(event.by),
        what: `Recorded ${lower(event.milestone)} as done on ${dayWords(event.doneDate)}${event.publish === undefined ? '' : event.publish ? ': the executive decided to publish' : ': the executive decided not to publish'}.`,
        deemed: false,
      };
    case 'LocalReviewPublicationPlanned':
      return { at: event.at, ...by(event.by), what: `Planned publication for ${dayWords(event.plannedDate)}: the copy to the Panel and the Secretary of State is due by ${at(event.copyDueAt)}.`, deemed: false };
    case 'LocalReviewCopySent':
      return { at: event.at, ...by(event.by), what: `Recorded the copy of the full report sent to the Panel and the Secretary of State at ${at(event.sentAt)} (${event.onTime ? 'on time' : `late: due by ${at(event.copyDueAt)}`}).`, deemed: false };
    case 'LocalReviewJustificationSent':
      return { at: event.at, ...by(event.by), what: `Recorded the justification for ${JUSTIFICATION_WORDS[event.about]} sent to the Panel and the Secretary of State at ${at(event.sentAt)}.`, detail: event.justification, deemed: false };
    case 'LocalReviewPublished':
      return { at: event.at, ...by(event.by), what: `Recorded the publication on ${dayWords(event.publishedDate)} (${event.onTime ? 'within six months' : 'after the six-month deadline'}).`, detail: event.url, deemed: false };
    case 'LocalReviewChased':
      return { at: event.at, ...BOT, what: chaseWords(event.chase), deemed: false };
  }
}
