import type { Actor, CaseEvent, ScopingChase } from './events.js';
import { jointViewRow } from './timelineJointView.js';
import { PARTNER_NAMES } from './partnership.js';
import { HARM_WORDS, LOCATION_WORDS, MEETING_WORDS, NEXT_STEP_WORDS, ROLE_WORDS, VIEW_WORDS, lowerFirst } from './words.js';
import { deadlineInWords } from './calendar/words.js';
import { referralCriteriaWords, statutoryRow } from './timelineStatutory.js';

/**
 * A case's events as rows a person can read: who (and in which role) did what, when, and the
 * words they typed, verbatim. It is the evidence view (scrutineer, Panel, Ofsted, a coroner), so a
 * deemed agreement gets its own row marked `deemed`, never folded into the replies, and rows keep
 * the log's order and instants. Instants inside `what` carry the year unless `now` is given and
 * in the same year (a card read today); an export is read long after, so it omits `now`.
 */

export { TimelineRowSchema, type TimelineRow } from './timelineRow.js';
import type { TimelineRow } from './timelineRow.js';
import { lcsprRow, type LcsprEvent } from './timelineLcspr.js';
import { actionRow } from './actions/timeline.js';
import { isActionEvent } from './actions/state.js';
import { isCostEvent } from './costs/state.js';
import { isLocalReviewRowEvent, localReviewRow } from './timelineLocalReview.js';
import { isLearningAreaEvent } from './learningEvent/events.js';
import { learningAreaRow } from './learningEvent/timeline.js';
import { isRosterEvent } from './roster/events.js';

const BOT = { who: 'Recorded automatically', role: 'the bot' };

const ABOUT = {
  initialView: 'the initial view',
  partnerReply: "the partners' replies",
  panelNotification: 'the Panel notification',
  meetingOutcome: `the outcome of ${MEETING_WORDS[1]}`,
  finalDecision: 'the final decision',
} as const;

/**
 * "10:00 to 10:30 on Tuesday 5 May" (or both ends in full when they fall on different days).
 * Exported so cards word a meeting's time exactly as the history does.
 */
export function periodInWords(startIso: string, endIso: string, now?: Date): string {
  const start = deadlineInWords(new Date(startIso), now);
  const end = deadlineInWords(new Date(endIso), now);
  // Both read "HH:mm on <day>": the same day after the time means the same London date.
  const sameDay = start.slice(5) === end.slice(5);
  return sameDay ? `${start.slice(0, 5)} to ${end}` : `${start} to ${end}`;
}

/** What a row needs from earlier events: an escalation names the deadline that was missed. */
type Context = {
  at: (iso: string) => string;
  period: (start: string, end: string) => string;
  agency: (id: string) => string;
  meetingDueAt?: string;
};

/**
 * `agencyName` words an agency's id the way the configuration names it. The log keeps only the
 * id, and an export is read long after the configuration may have changed, so without it the id
 * itself is shown, which is stable.
 */
export function timeline(events: readonly CaseEvent[], now?: Date, agencyName: (id: string) => string = (id) => id): TimelineRow[] {
  const context: Context = { at: (iso) => deadlineInWords(new Date(iso), now), period: (start, end) => periodInWords(start, end, now), agency: agencyName };
  return events.map((event) => {
    if (event.type === 'DisputeOpened') context.meetingDueAt = event.meetingDueAt;
    return row(event, context);
  });
}

function row(event: CaseEvent, context: Context): TimelineRow {
  const { at } = context;
  // Recommendations, actions and costs (issue 17): workflow/actions/timeline.ts.
  if (isActionEvent(event) || isCostEvent(event)) return actionRow(event, context);
  if (isLearningAreaEvent(event)) return learningAreaRow(event, context);
  if (isRosterEvent(event)) {
    const who = event.replacements.map((r) => `${r.from.displayName} replaced by ${r.to.map((t) => t.displayName).join(' and ')} as ${r.role}`).join('; ');
    // Only requests still open move (workflow/roster/stillOpen.ts): say so either way, so nobody looks for a request that did not go.
    const moved = event.moved.length === 0 ? 'No open request was moved.' : event.moved.length === 1 ? 'Its open request was sent to the new holder.' : `${event.moved.length} open requests were sent to the new holder.`;
    const replaced = who ? `Roster changed by ${event.by.displayName}: ${who}. ${moved}` : '';
    const removed = event.removed.map((r) => `${r.from.displayName} removed from the roster by ${event.by.displayName} (${r.role}); the business unit follows up their open request.`);
    return { at: event.at, who: event.by.displayName, role: event.by.role, what: [replaced, ...removed].filter(Boolean).join(' '), deemed: false };
  }
  switch (event.type) {
    case 'ReferralLogged': {
      const r = event.referral;
      return {
        at: event.at,
        who: event.by.displayName,
        role: event.by.role,
        what:
          `Logged the referral from ${r.referringAgency}: ${lowerFirst(HARM_WORDS[r.harm])}, ${lowerFirst(LOCATION_WORDS[r.location])}, ${r.lookedAfter ? 'a looked-after child' : 'not a looked-after child'}; ` +
          `partnership aware since ${at(r.awareAt)}. Initial view due by ${at(event.initialViewDueAt)}; Panel notification, if decided, due by ${at(event.panelNotificationDueAt)}.` +
          referralCriteriaWords(r),
        deemed: false,
      };
    }
    case 'InitialViewGiven':
      return {
        at: event.at,
        who: event.by.displayName,
        role: event.by.role,
        what: `Gave the initial view: ${VIEW_WORDS[event.view]}.${event.concurredBy ? ` ${event.concurredBy.displayName} (${event.concurredBy.role}) concurred.` : ''}`,
        detail: event.rationale,
        deemed: false,
      };
    case 'PartnerCardPosted':
      return { at: event.at, who: 'Bot', role: 'system', what: `Posted the initial view to the partners. Replies due by ${at(event.repliesDueAt)}; no reply by then counts as agreement.`, deemed: false };
    case 'PartnerReplied':
      return {
        at: event.at,
        who: event.by.displayName,
        role: event.by.role,
        what: `${event.reply === 'agree' ? 'Agreed' : 'Disagreed'} for ${PARTNER_NAMES[event.partner]}${event.asAuthorOfView ? ', as author of the initial view' : ''}.`,
        ...(event.rationale ? { detail: event.rationale } : {}),
        deemed: false,
      };
    case 'AgreementDeemed':
      return {
        at: event.at,
        who: PARTNER_NAMES[event.partner],
        role: 'statutory partner',
        what: `Agreement deemed: no response by ${at(event.windowClosedAt)}.`,
        deemed: true,
      };
    case 'DecisionReached':
      return decisionRow(event);
    case 'DisputeOpened':
      return {
        at: event.at,
        ...BOT,
        what: `Dispute opened: ${event.disagreeing.map((p) => PARTNER_NAMES[p]).join(', ')} disagreed. A meeting of the partner representatives is due by ${at(event.meetingDueAt)}.`,
        deemed: false,
      };
    case 'MeetingBooked': {
      const conflicts = event.attendees.filter((a) => !a.free).length;
      if (event.arrangedBy) {
        return {
          at: event.at,
          who: event.arrangedBy.displayName,
          role: event.arrangedBy.role,
          what: `Recorded ${MEETING_WORDS[event.stage]}, arranged by hand, for ${context.period(event.start, event.end)}${event.joinUrl ? ', with a join link' : ''}.`,
          deemed: false,
        };
      }
      return {
        at: event.at,
        ...BOT,
        what: `Booked ${MEETING_WORDS[event.stage]} for ${context.period(event.start, event.end)} (${conflicts === 0 ? 'no conflicts' : conflicts === 1 ? '1 conflict' : `${conflicts} conflicts`}).`,
        deemed: false,
      };
    }
    case 'MeetingBookingFailed':
      return { at: event.at, ...BOT, what: `Could not book ${MEETING_WORDS[event.stage]}: ${event.reason}; the business unit arranges it by ${at(event.arrangeBy)}.`, deemed: false };
    case 'MeetingCancelled':
      return { at: event.at, ...BOT, what: `Cancelled ${MEETING_WORDS[event.stage]}. ${asSentence(event.reason)}`, deemed: false };
    case 'MeetingOutcomeRecorded':
      return {
        at: event.at,
        who: event.by.displayName,
        role: event.by.role,
        what: `Recorded the meeting's outcome: ${event.outcome === 'agreed' ? `agreed, ${event.decision ? VIEW_WORDS[event.decision] : 'decision not given'}` : 'not resolved'}.`,
        detail: event.rationale,
        deemed: false,
      };
    case 'DisputeEscalated': {
      const why =
        event.reason === 'notResolved'
          ? `${MEETING_WORDS[1]} did not resolve the disagreement`
          : `the outcome was not recorded${context.meetingDueAt ? ` by ${at(context.meetingDueAt)}` : ' in time'}`;
      return { at: event.at, ...BOT, what: `Escalated to the decision maker: ${why}. Decision due by ${at(event.decisionDueAt)}.`, deemed: false };
    }
    case 'DecisionReopened':
      // The reason is typed text: it goes in `detail`, shown verbatim, never inside Markdown.
      return {
        at: event.at,
        who: event.by.displayName,
        role: event.by.role,
        what: `Re-opened the decision on new information. New decision due by ${at(event.decisionDueAt)}.`,
        detail: event.reason,
        deemed: false,
      };
    case 'ReminderSent':
      return {
        at: event.at,
        ...BOT,
        what: `Reminder about ${ABOUT[event.about]} sent to ${event.to.length} ${event.to.length === 1 ? 'person' : 'people'}.`,
        deemed: false,
      };
    case 'OverdueRaised':
      return { at: event.at, ...BOT, what: `Monitoring channel told: ${ABOUT[event.about]} is overdue.`, deemed: false };
    case 'PanelNotificationConfirmed':
      return {
        at: event.at,
        who: event.by.displayName,
        role: event.by.role,
        what: `Confirmed the Panel was notified at ${at(event.sentAt)}; Panel reference given.`,
        detail: event.panelReference,
        deemed: false,
      };
    case 'NextStepChosen':
      return {
        at: event.at,
        who: event.by.displayName,
        role: event.by.role,
        what: `Chose the next step: ${lowerFirst(NEXT_STEP_WORDS[event.step])}.`,
        detail: event.rationale,
        deemed: false,
      };
    case 'CareLeaverDeathLogged':
    case 'StatutoryNotificationRecorded':
    case 'NoRapidReviewAgreed':
    case 'NoRapidReviewPanelTold':
      return statutoryRow(event, at);
    case 'InitialViewProposed':
    case 'InitialViewsDiffered':
      return jointViewRow(event);
    default:
      if (isLocalReviewRowEvent(event)) return localReviewRow(event, at);
      return LCSPR_EVENTS.includes(event.type) ? lcsprRow(event as LcsprEvent, context) : rapidReviewRow(event as RapidReviewEvent, context);
  }
}

type RapidReviewEvent = Extract<
  CaseEvent,
  {
    type:
      | 'RapidReviewOpened'
      | 'RapidReviewSetUp'
      | 'ScopingReturned'
      | 'NoInvolvementRecorded'
      | 'ExtensionRequested'
      | 'ExtensionDecided'
      | 'ScopingChased'
      | 'AttendanceConfirmed'
      | 'PapersPrompted'
      | 'RapidReviewCompleted';
  }
>;

/** The LCSPR decision's and the approval's rows: timelineLcspr.ts. */
const LCSPR_EVENTS: readonly string[] = ['RapidReviewMeetingRecorded', 'LcsprReplied', 'LcsprAgreementDeemed', 'LcsprChased', 'LcsprDisputed', 'LcsprDecided', 'RapidReviewApproved'];

const CHASED: Record<ScopingChase, string> = {
  twoDaysBefore: 'scoping return due in two working days',
  dueMorning: 'scoping return due today',
  overdue: 'scoping return overdue',
};

/** The rapid review's rows (DOMAIN "The rapid review and scoping returns"). */
function rapidReviewRow(event: RapidReviewEvent, context: Context): TimelineRow {
  const { at, agency } = context;
  const by = (actor: Actor) => ({ who: actor.displayName, role: actor.role });
  switch (event.type) {
    case 'RapidReviewOpened':
      return {
        at: event.at,
        ...BOT,
        what: `Rapid review opened: the Panel was notified at ${at(event.notifiedAt)}; the rapid review is due by ${at(event.dueAt)}, 15 working days from the notification.`,
        deemed: false,
      };
    case 'RapidReviewSetUp':
      return {
        at: event.at,
        ...by(event.by),
        what:
          `Set up the rapid review: meeting at ${at(event.meetingAt)}; papers to members by ${at(event.papersDueAt)}; returns due by ${at(event.returnsDueAt)}. ` +
          `Scoping returns asked of ${listWords(event.agencies.map(agency))}.`,
        deemed: false,
      };
    case 'ScopingReturned':
      // The link stays out of the row: the document is opened from the store, and the export's events keep it.
      return { at: event.at, ...by(event.by), what: `Recorded ${agency(event.agency)}'s scoping return (a link into the document store).`, deemed: false };
    case 'NoInvolvementRecorded':
      return { at: event.at, ...by(event.by), what: `Recorded that ${agency(event.agency)} had no involvement with this child or family.`, deemed: false };
    case 'ExtensionRequested':
      return {
        at: event.at,
        ...by(event.by),
        what: `Asked for more time for ${agency(event.agency)}'s scoping return, to ${at(event.proposedDueAt)}.`,
        detail: event.reason,
        deemed: false,
      };
    case 'ExtensionDecided':
      return {
        at: event.at,
        ...by(event.by),
        what: event.agreed
          ? `Agreed more time for ${agency(event.agency)}: its return is now due by ${at(event.dueAt)}.`
          : `Declined more time for ${agency(event.agency)}: its return is still due by ${at(event.dueAt)}.`,
        deemed: false,
      };
    case 'ScopingChased':
      return {
        at: event.at,
        ...BOT,
        what: `${event.chase === 'overdue' ? `Chased ${agency(event.agency)} and its escalation contact` : `Reminded ${agency(event.agency)}`}: ${CHASED[event.chase]}.`,
        deemed: false,
      };
    case 'AttendanceConfirmed':
      return {
        at: event.at,
        ...by(event.by),
        what: `Confirmed ${PARTNER_NAMES[event.partner]} ${event.attending ? 'will attend' : 'will not attend'} the rapid review meeting.`,
        deemed: false,
      };
    case 'PapersPrompted':
      return {
        at: event.at,
        ...BOT,
        what: `Asked the business unit to circulate the papers: ${event.missing.length === 0 ? 'all returns were in' : `returns still missing from ${listWords(event.missing.map(agency))}`}.`,
        deemed: false,
      };
    case 'RapidReviewCompleted':
      return {
        at: event.at,
        ...by(event.by),
        what:
          `Recorded the rapid review's outcome: ${event.lcsprNeeded ? 'an LCSPR is needed' : 'no LCSPR is needed'}. ` +
          `Sent to the Panel and Ofsted at ${at(event.sentAt)}, ${event.onTime ? 'within' : 'after'} the 15 working days.` +
          (event.dfeSentAt ? ` The LCSPR decision was sent to DfE at ${at(event.dfeSentAt)}.` : ''),
        detail: event.rationale,
        deemed: false,
      };
  }
}

/** "a", "a and b", "a, b and c". */
function listWords(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/** The bot's own reasons are sometimes a sentence and sometimes a phrase: end either with a full stop. */
export function asSentence(text: string): string {
  const trimmed = text.trim();
  return /[.!?]$/.test(trimmed) ? trimmed : `${trimmed}.`;
}

function decisionRow(event: Extract<CaseEvent, { type: 'DecisionReached' }>): TimelineRow {
  const who = event.by ? { who: event.by.displayName, role: event.by.role } : BOT;
  const detail = event.rationale ? { detail: event.rationale } : {};
  switch (event.basis) {
    case 'partnersAgreed':
      return { at: event.at, ...BOT, what: `Decision: ${VIEW_WORDS[event.decision]}. All three partners agreed or were deemed to agree.`, deemed: false };
    case 'meetingAgreed':
      return { at: event.at, ...who, what: `Decision: ${VIEW_WORDS[event.decision]}. Agreed at ${MEETING_WORDS[1]}.`, ...detail, deemed: false };
    case 'finalDecision': {
      const scrutineer =
        event.scrutineerAttended === undefined
          ? ''
          : event.scrutineerAttended
            ? ` The ${ROLE_WORDS.independentScrutineer} attended the meeting.`
            : ` The ${ROLE_WORDS.independentScrutineer} did not attend; the full record goes to them.`;
      const again = event.reconsidered === 'confirmed' ? ', confirmed on new information' : event.reconsidered === 'reversed' ? ', reversed on new information' : '';
      return { at: event.at, ...who, what: `Final decision${again}: ${VIEW_WORDS[event.decision]}.${scrutineer}`, ...detail, deemed: false };
    }
  }
}
