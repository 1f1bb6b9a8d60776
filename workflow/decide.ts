import type { CaseCommand, CommandActor } from './commands.js';
import type { Effect, Recipient } from './effects.js';
import type { Actor, CaseEvent, DisputeStage, MeetingAttendee, OverdueAbout, View } from './events.js';
import { checkFreeText, identifyingDetailIn } from './freeText.js';
import { expectedAttendees } from './meetings/attendees.js';
import { actingRole } from './access.js';
import { createRapidReviewProcedure } from './rapidReview/procedure.js';
import type { Partner, PartnershipConfig, Role } from './partnership.js';
import { PARTNERS, finalDecisionMaker, partnerPeople, partnersRepresentedBy, rolesOf, PARTNER_NAMES } from './partnership.js';
import type { CaseState } from './state.js';
import { evolve } from './state.js';
import type { WorkingCalendar } from './calendar/workingCalendar.js';
import { deadlineInWords } from './calendar/words.js';

/**
 * The procedure (DOMAIN.md steps 1-5): given a case's state, a command and the time, what happens.
 * Pure: it performs nothing, and a command that does not apply is refused with a reason the user
 * can read and no events, so a late click or a second sweep of the same deadline changes nothing.
 */

export type Decision =
  | { ok: true; events: CaseEvent[]; effects: Effect[]; message?: string }
  | { ok: false; refusal: string };

export type Decide = (state: CaseState | undefined, command: CaseCommand, now: Date) => Decision;

const refuse = (refusal: string): Decision => ({ ok: false, refusal });
const AWARENESS_MAX_AGE_MS = 183 * 86_400_000;
const safeDecode = (text: string) => {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
};
const nothing = (message?: string): Decision => ({ ok: true, events: [], effects: [], ...(message ? { message } : {}) });

export const VIEW_WORDS: Record<View, string> = { notify: 'notify the Panel', doNotNotify: 'do not notify the Panel' };

const ROLE_WORDS: Record<Role['kind'], string> = {
  businessUnit: 'business unit',
  reviewGroupChair: 'review group chair',
  childrensServicesDirector: "children's services director",
  partnershipChair: 'partnership chair',
  independentScrutineer: 'independent scrutineer',
  strategicPartnershipManager: 'strategic partnership manager',
  partnerRepresentative: 'representative',
  partnerDeputy: 'deputy',
  agencyContact: 'scoping contact',
  agencyEscalation: 'escalation contact',
};

/** A role as the case's history words it: "Police representative", "business unit". */
export function roleWords(role: Role): string {
  return role.kind === 'partnerRepresentative' || role.kind === 'partnerDeputy'
    ? `${PARTNER_NAMES[role.partner]} ${ROLE_WORDS[role.kind]}`
    : ROLE_WORDS[role.kind];
}

/** The partners' reply window: one working day from the posting of their card. */
export function partnerWindowFrom(calendar: WorkingCalendar) {
  return (postedAt: Date) => calendar.addWorkingDays(postedAt, 1);
}

export function createDecider(config: PartnershipConfig, calendar: WorkingCalendar): Decide {
  const repliesDueFrom = partnerWindowFrom(calendar);
  // Anchored whatever the configuration says, so "Jayden Smith RR-1" can never pass as a reference.
  const caseRefPattern = new RegExp(`^(?:${config.caseReferencePattern})$`);
  const iso = (d: Date) => d.toISOString();
  const words = (at: string, now: Date) => deadlineInWords(new Date(at), now);
  const person = (aadObjectId: string): Recipient => ({ kind: 'person', aadObjectId });
  const unique = (ids: string[]) => [...new Set(ids)];

  function actorAs(actor: CommandActor, role: Role): Actor {
    return { aadObjectId: actor.aadObjectId, displayName: actor.displayName, role: roleWords(role) };
  }

  /** Appends events to a running state so later rules see what earlier ones decided. */
  function recorder(start: CaseState | undefined) {
    let state = start;
    const events: CaseEvent[] = [];
    const effects: Effect[] = [];
    return {
      get state() {
        return state;
      },
      record(event: CaseEvent) {
        state = evolve(state, event);
        events.push(event);
      },
      effect(effect: Effect) {
        effects.push(effect);
      },
      done(message?: string): Decision {
        return { ok: true, events, effects, ...(message ? { message } : {}) };
      },
    };
  }
  type Recorder = ReturnType<typeof recorder>;
  const review = createRapidReviewProcedure({ config, calendar, recorder, actorAs, words });

  /** After any change of position: all agree -> decision; all replied or window closed with a disagreement -> dispute. */
  function settle(r: Recorder, now: Date, windowClosed: boolean) {
    const s = r.state;
    if (!s?.initialView || (s.stage !== 'awaitingPartnerReplies' && s.stage !== 'dispute')) return;
    const positions = PARTNERS.map((p) => s.positions[p]);
    if (positions.every((p) => p.status === 'agreed' || p.status === 'deemed')) {
      const decision = s.initialView.view;
      r.record({ type: 'DecisionReached', at: iso(now), decision, basis: 'partnersAgreed' });
      cancelMeetings(r, now, 'The partners now all agree on the initial view, so the meeting is cancelled.');
      announceDecision(r, decision);
      return;
    }
    const disagreeing = PARTNERS.filter((p) => s.positions[p].status === 'disagreed');
    const allReplied = positions.every((p) => p.status !== 'awaiting');
    if (s.stage === 'awaitingPartnerReplies' && disagreeing.length > 0 && (allReplied || windowClosed)) {
      // The meeting clock starts when the dispute arose (the window's close), not when a sweep noticed it.
      const arose = windowClosed && s.initialView.repliesDueAt ? new Date(s.initialView.repliesDueAt) : now;
      r.record({ type: 'DisputeOpened', at: iso(now), disagreeing, meetingDueAt: iso(calendar.addWorkingDays(arose, 1)) });
      const v = r.state?.version;
      r.effect({ type: 'send', key: `disputeOpened:${v}`, to: { kind: 'conversation', target: 'monitoring' }, card: { kind: 'disputeOpened' }, tracked: false });
      r.effect({ type: 'bookMeeting', stage: 1 });
      const chair = config.reviewGroupChair.aadObjectId;
      r.effect({ type: 'send', key: `meetingOutcomeRequest:${chair}:${v}`, to: person(chair), card: { kind: 'meetingOutcomeRequest' }, tracked: true });
    }
  }

  /** Meetings booked for a dispute that ended without them are cancelled, and everyone told. */
  function cancelMeetings(r: Recorder, now: Date, reason: string) {
    const dispute = r.state?.dispute;
    if (!dispute) return;
    for (const stage of [1, 2] as const) {
      const meeting = dispute.meetings[stage];
      if (!meeting || meeting.cancelled || Date.parse(meeting.end) <= now.getTime()) continue;
      r.record({ type: 'MeetingCancelled', at: iso(now), stage, reason });
      if (meeting.eventId) r.effect({ type: 'cancelMeeting', stage, eventId: meeting.eventId });
      for (const target of ['decision', 'monitoring'] as const) {
        r.effect({ type: 'send', key: `meetingCancelled:${stage}:${target}`, to: { kind: 'conversation', target }, card: { kind: 'meetingCancelled', stage }, tracked: false });
      }
    }
  }

  /** Stage 2 (DOMAIN step 6): the decision maker decides, after a meeting with the scrutineer as mediator. */
  function escalate(r: Recorder, now: Date, reason: 'notResolved' | 'outcomeOverdue') {
    r.record({ type: 'DisputeEscalated', at: iso(now), reason, decisionDueAt: iso(calendar.addWorkingDays(now, 1)) });
    const v = r.state?.version;
    r.effect({ type: 'send', key: `disputeEscalated:${v}`, to: { kind: 'conversation', target: 'monitoring' }, card: { kind: 'disputeEscalated' }, tracked: false });
    r.effect({ type: 'bookMeeting', stage: 2 });
    const maker = finalDecisionMaker(config).aadObjectId;
    r.effect({ type: 'send', key: `finalDecisionRequest:${maker}:${v}`, to: person(maker), card: { kind: 'finalDecisionRequest' }, tracked: true });
    r.effect({ type: 'refreshCards' });
  }

  /** The stage whose decision is awaited and when it is due, while a dispute is at stage 2. */
  function finalDecisionDue(state: CaseState): string | undefined {
    const d = state.dispute;
    if (state.decision || !d || d.stage !== 2) return undefined;
    return d.reopened?.decisionDueAt ?? d.escalated?.decisionDueAt;
  }

  function announceDecision(r: Recorder, decision: View) {
    const v = r.state?.version;
    r.effect({ type: 'send', key: `decisionRecorded:monitoring:${v}`, to: { kind: 'conversation', target: 'monitoring' }, card: { kind: 'decisionRecorded' }, tracked: false });
    const informed = unique([config.independentScrutineer.aadObjectId, ...(config.strategicPartnershipManager ? [config.strategicPartnershipManager.aadObjectId] : [])]);
    for (const id of informed) {
      r.effect({ type: 'send', key: `decisionRecorded:${id}:${v}`, to: person(id), card: { kind: 'decisionRecorded' }, tracked: false });
    }
    if (decision === 'notify') {
      for (const id of unique(partnerPeople(config, 'localAuthority').map((p) => p.aadObjectId))) {
        r.effect({ type: 'send', key: `panelNotificationRequest:${id}:${v}`, to: person(id), card: { kind: 'panelNotificationRequest' }, tracked: true });
      }
    } else {
      const chair = config.reviewGroupChair.aadObjectId;
      r.effect({ type: 'send', key: `nextStepRequest:${chair}:${v}`, to: person(chair), card: { kind: 'nextStepRequest' }, tracked: true });
    }
  }

  function logReferral(state: CaseState | undefined, command: Extract<CaseCommand, { type: 'LogReferral' }>, now: Date): Decision {
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
    let url: URL;
    try {
      url = new URL(referral.documentUrl);
    } catch {
      return refuse("The referral document must be a link (https://...) into the partnership's document store.");
    }
    // A user name or password in the link would be shown on every card and kept in the record.
    if (url.protocol !== 'https:' || !config.documentStoreHosts.includes(url.hostname) || url.username || url.password) {
      return refuse(`The referral document must be a link into the partnership's document store (${config.documentStoreHosts.join(', ')}), starting https://.`);
    }
    // The link is stored and shown on cards: its path must not name the child either.
    const inLink = identifyingDetailIn(safeDecode(url.pathname + url.search).replace(/[/_+]/g, ' '));
    if (inLink) return refuse(`The document link seems to contain ${inLink}. Link to a document whose name carries only the case reference.`);
    const r = recorder(state);
    r.record({
      type: 'ReferralLogged',
      at: iso(now),
      by: actorAs(command.actor, role),
      referral,
      initialViewDueAt: iso(calendar.addWorkingDays(now, 1)),
      panelNotificationDueAt: iso(calendar.addWorkingDays(awareAt, 5)),
    });
    for (const id of unique([config.reviewGroupChair.aadObjectId, config.childrensServicesDirector.aadObjectId])) {
      r.effect({ type: 'send', key: `initialViewRequest:${id}`, to: person(id), card: { kind: 'initialViewRequest' }, tracked: true });
    }
    return r.done(`Referral ${referral.caseRef} logged.`);
  }

  function giveInitialView(state: CaseState | undefined, command: Extract<CaseCommand, { type: 'GiveInitialView' }>, now: Date): Decision {
    if (!state) return refuse('There is no such case.');
    const role = actingRole(config, command.actor.aadObjectId, 'GiveInitialView');
    if (!role) return refuse("Only the review group chair or the children's services director can give the initial view.");
    if (state.initialView) {
      return refuse(`The initial view on ${state.referral.caseRef} was already given by ${state.initialView.by.displayName} on ${words(state.initialView.at, now)}.`);
    }
    if (state.stage !== 'awaitingInitialView') return refuse(`Case ${state.referral.caseRef} is no longer waiting for an initial view.`);
    const problem = checkFreeText('rationale', command.rationale, { required: true });
    if (problem) return refuse(problem.message);

    const r = recorder(state);
    const by = actorAs(command.actor, role);
    r.record({ type: 'InitialViewGiven', at: iso(now), by, view: command.view, rationale: command.rationale.trim() });
    // The author of the view agrees with it, for any partner they reply for; they may still change it.
    for (const partner of partnersRepresentedBy(config, command.actor.aadObjectId)) {
      r.record({ type: 'PartnerReplied', at: iso(now), by: actorAs(command.actor, rolesOf(config, command.actor.aadObjectId).find((x) => 'partner' in x && x.partner === partner)!), partner, reply: 'agree', asAuthorOfView: true });
    }
    // Refresh first: the chair's and director's cards show who gave the view; the new card is fresh anyway.
    r.effect({ type: 'refreshCards' });
    r.effect({ type: 'send', key: 'partnerDecision', to: { kind: 'conversation', target: 'decision' }, card: { kind: 'partnerDecision' }, tracked: true });
    settle(r, now, false);
    return r.done(`Initial view recorded: ${VIEW_WORDS[command.view]}. It goes to the three partners now; they have one working day from its posting to reply (about ${words(calendar.addWorkingDays(now, 1).toISOString(), now)}).`);
  }

  function replyAsPartner(state: CaseState | undefined, command: Extract<CaseCommand, { type: 'ReplyAsPartner' }>, now: Date): Decision {
    if (!state) return refuse('There is no such case.');
    const represented = partnersRepresentedBy(config, command.actor.aadObjectId);
    if (!actingRole(config, command.actor.aadObjectId, 'ReplyAsPartner')) {
      return refuse("Only a statutory partner's representative or one of its deputies can reply, and you are not on the partnership's roster for any partner. Nothing was recorded.");
    }
    let partner: Partner;
    if (command.partner) {
      if (!represented.includes(command.partner)) return refuse(`You cannot reply for ${PARTNER_NAMES[command.partner]}. Nothing was recorded.`);
      partner = command.partner;
    } else if (represented.length === 1) {
      partner = represented[0]!;
    } else {
      return refuse('You are on the roster for more than one partner; choose which partner you reply for.');
    }
    const caseRef = state.referral.caseRef;
    if (!state.initialView) return refuse(`There is no initial view on ${caseRef} to reply to yet.`);
    if (state.decision) return refuse(`The decision on ${caseRef} (${VIEW_WORDS[state.decision.decision]}) was recorded on ${words(state.decision.at, now)}; replies are closed.`);
    if (state.stage === 'awaitingPartnerReplies' && state.initialView.repliesDueAt && now.getTime() >= Date.parse(state.initialView.repliesDueAt)) {
      return refuse(`The reply window on ${caseRef} closed at ${words(state.initialView.repliesDueAt, now)}; partners who had not replied are deemed to agree.`);
    }
    if (state.stage !== 'awaitingPartnerReplies' && state.stage !== 'dispute') return refuse(`Case ${caseRef} is not taking replies.`);

    const text = command.rationale?.trim() || undefined;
    const problem = checkFreeText(command.reply === 'disagree' ? 'rationale' : 'comment', text, { required: command.reply === 'disagree' });
    if (problem) return refuse(problem.message);

    const current = state.positions[partner];
    const changedSince = command.seenVersion !== undefined && current.status !== 'awaiting' && current.version > command.seenVersion;
    const changedBySomeoneElse = changedSince && (current.status === 'deemed' || current.by.aadObjectId !== command.actor.aadObjectId);
    if (changedBySomeoneElse) {
      const was = current.status === 'deemed' ? 'agreement was deemed' : `${current.by.displayName} ${current.status === 'agreed' ? 'agreed' : 'disagreed'} at ${words(current.at, now)}`;
      return refuse(`${PARTNER_NAMES[partner]}'s reply changed after this card was shown: ${was}. Nothing was recorded; the card now shows the latest replies, so reply again if you still want to change it.`);
    }
    const same =
      (current.status === 'agreed' && command.reply === 'agree' && current.comment === text && !current.asAuthorOfView) ||
      (current.status === 'disagreed' && command.reply === 'disagree' && current.rationale === text);
    if (same) return nothing(`Your reply for ${PARTNER_NAMES[partner]} was already recorded.`);
    // A click from a card shown before the clicker's own latest reply is a late or redelivered
    // click (Teams resends an invoke it thinks went unanswered): applying it would silently undo
    // the reply they gave since. A deliberate change comes from the card as it is now.
    if (changedSince && current.status !== 'deemed') {
      const yours = `you ${current.status === 'agreed' ? 'agreed' : 'disagreed'} for ${PARTNER_NAMES[partner]} at ${words(current.at, now)}`;
      return refuse(`This card is out of date: ${yours}, after it was shown. Nothing was recorded; the card now shows your current reply, so reply again if you still want to change it.`);
    }

    const role = rolesOf(config, command.actor.aadObjectId).find((x) => 'partner' in x && x.partner === partner)!;
    const r = recorder(state);
    r.record({ type: 'PartnerReplied', at: iso(now), by: actorAs(command.actor, role), partner, reply: command.reply, ...(text ? { rationale: text } : {}), asAuthorOfView: false });
    r.effect({ type: 'refreshCards' });
    settle(r, now, false);
    return r.done(`Recorded: ${PARTNER_NAMES[partner]} ${command.reply === 'agree' ? 'agrees' : 'disagrees'}.`);
  }

  function confirmPanelNotification(state: CaseState | undefined, command: Extract<CaseCommand, { type: 'ConfirmPanelNotification' }>, now: Date): Decision {
    if (!state) return refuse('There is no such case.');
    const role = actingRole(config, command.actor.aadObjectId, 'ConfirmPanelNotification');
    if (!role) return refuse("Only the local authority's representative or a deputy can confirm the Panel notification.");
    if (state.panelNotification) return refuse(`The Panel notification for ${state.referral.caseRef} was already confirmed by ${state.panelNotification.by.displayName}.`);
    if (state.stage !== 'awaitingPanelNotification') return refuse(`Case ${state.referral.caseRef} is not waiting for a Panel notification.`);
    if (Date.parse(command.sentAt) > now.getTime()) return refuse('The time the notification was sent cannot be in the future.');
    if (state.decision && Date.parse(command.sentAt) < Date.parse(state.loggedAt) - 7 * 86_400_000) return refuse('The time the notification was sent is long before the referral was logged; please check it.');
    const reference = command.panelReference.trim();
    if (!reference || reference.length > 100) return refuse('Please give the Panel notification reference (up to 100 characters).');
    const problem = checkFreeText('Panel reference', reference, { required: true });
    if (problem) return refuse(problem.message);
    const r = recorder(state);
    r.record({ type: 'PanelNotificationConfirmed', at: iso(now), by: actorAs(command.actor, role), sentAt: new Date(command.sentAt).toISOString(), panelReference: reference });
    r.effect({ type: 'send', key: 'panelNotificationConfirmed', to: { kind: 'conversation', target: 'monitoring' }, card: { kind: 'panelNotificationConfirmed' }, tracked: false });
    // The rapid review's 15 working days run from the notification.
    review.open(r, new Date(command.sentAt), now);
    r.effect({ type: 'refreshCards' });
    return r.done(`Panel notification for ${state.referral.caseRef} recorded.`);
  }

  function chooseNextStep(state: CaseState | undefined, command: Extract<CaseCommand, { type: 'ChooseNextStep' }>, now: Date): Decision {
    if (!state) return refuse('There is no such case.');
    const role = actingRole(config, command.actor.aadObjectId, 'ChooseNextStep');
    if (!role) return refuse('Only the review group chair can choose the next step.');
    if (state.nextStep) return refuse(`The next step for ${state.referral.caseRef} was already chosen by ${state.nextStep.by.displayName} on ${words(state.nextStep.at, now)}.`);
    if (state.stage !== 'awaitingNextStep') return refuse(`Case ${state.referral.caseRef} is not waiting for a next step.`);
    const problem = checkFreeText('rationale', command.rationale, { required: true });
    if (problem) return refuse(problem.message);
    const r = recorder(state);
    r.record({ type: 'NextStepChosen', at: iso(now), by: actorAs(command.actor, role), step: command.step, rationale: command.rationale.trim() });
    r.effect({ type: 'send', key: 'nextStepChosen', to: { kind: 'conversation', target: 'monitoring' }, card: { kind: 'nextStepChosen' }, tracked: false });
    r.effect({ type: 'refreshCards' });
    return r.done(`Next step for ${state.referral.caseRef} recorded.`);
  }

  function recordPartnerCardPosted(state: CaseState | undefined, command: Extract<CaseCommand, { type: 'RecordPartnerCardPosted' }>): Decision {
    if (!state?.initialView) return refuse('There is no initial view whose card could have been posted.');
    // Recorded once: a retried post after a crash keeps the first posting time.
    if (state.initialView.postedAt) return nothing();
    const postedAt = new Date(command.postedAt);
    return { ok: true, events: [{ type: 'PartnerCardPosted', at: postedAt.toISOString(), repliesDueAt: iso(repliesDueFrom(postedAt)) }], effects: [] };
  }

  function recordMeetingBooked(state: CaseState | undefined, command: Extract<CaseCommand, { type: 'RecordMeetingBooked' }>, now: Date): Decision {
    const d = state?.dispute;
    // A booking that returns after the dispute ended (or twice, after a retry) changes nothing.
    if (!state || !d || state.decision || d.meetings[command.stage]) return nothing();
    const r = recorder(state);
    r.record({ type: 'MeetingBooked', at: iso(now), stage: command.stage, start: command.start, end: command.end, eventId: command.eventId, ...(command.joinUrl ? { joinUrl: command.joinUrl } : {}), attendees: command.attendees });
    announceMeeting(r, command.stage);
    return r.done();
  }

  function announceMeeting(r: Recorder, stage: DisputeStage) {
    for (const target of ['decision', 'monitoring'] as const) {
      r.effect({ type: 'send', key: `meetingBooked:${stage}:${target}`, to: { kind: 'conversation', target }, card: { kind: 'meetingBooked', stage }, tracked: true });
    }
    r.effect({ type: 'refreshCards' });
  }

  function recordMeetingBookingFailed(state: CaseState | undefined, command: Extract<CaseCommand, { type: 'RecordMeetingBookingFailed' }>, now: Date): Decision {
    const d = state?.dispute;
    if (!state || !d || state.decision || d.meetings[command.stage] || d.bookingFailed[command.stage]) return nothing();
    const arrangeBy = command.stage === 1 ? d.meetingDueAt : (finalDecisionDue(state) ?? iso(calendar.addWorkingDays(now, 1)));
    const r = recorder(state);
    r.record({ type: 'MeetingBookingFailed', at: iso(now), stage: command.stage, reason: command.reason, arrangeBy });
    // The case never waits silently: the business unit is asked to arrange it by hand.
    r.effect({ type: 'send', key: `arrangeMeetingRequest:${command.stage}:${r.state?.version}`, to: { kind: 'conversation', target: 'monitoring' }, card: { kind: 'arrangeMeetingRequest', stage: command.stage }, tracked: true });
    r.effect({ type: 'refreshCards' });
    return r.done();
  }

  function meetingAttendees(stage: DisputeStage): MeetingAttendee[] {
    return expectedAttendees(config, stage).map(({ person, required }) => ({ name: person.displayName, email: person.email, required, free: true }));
  }

  function arrangeMeeting(state: CaseState | undefined, command: Extract<CaseCommand, { type: 'ArrangeMeeting' }>, now: Date): Decision {
    if (!state) return refuse('There is no such case.');
    const role = actingRole(config, command.actor.aadObjectId, 'ArrangeMeeting');
    if (!role) return refuse("Only the partnership's business unit can record a meeting it arranged.");
    const d = state.dispute;
    if (!d || state.decision) return refuse(`Case ${state.referral.caseRef} has no meeting to arrange: ${state.decision ? 'the decision has been recorded' : 'there is no dispute'}.`);
    const existing = d.meetings[command.stage];
    if (existing) return refuse(`This meeting is already ${existing.arrangedBy ? `arranged by ${existing.arrangedBy.displayName}` : 'booked'}, for ${words(existing.start, now)}.`);
    if (!d.bookingFailed[command.stage]) return refuse('The bot is booking this meeting itself; there is nothing to arrange by hand.');
    const start = new Date(command.start);
    if (start.getTime() < now.getTime() - 7 * 86_400_000) return refuse('That meeting time is more than a week ago; please check the date.');
    let joinUrl: string | undefined;
    if (command.joinUrl?.trim()) {
      try {
        const url = new URL(command.joinUrl.trim());
        if (url.protocol !== 'https:' || url.username || url.password) throw new Error('not a plain https link');
        joinUrl = url.toString();
      } catch {
        return refuse('The join link must be a meeting link starting https://.');
      }
    }
    const r = recorder(state);
    r.record({
      type: 'MeetingBooked',
      at: iso(now),
      stage: command.stage,
      start: start.toISOString(),
      end: new Date(start.getTime() + 30 * 60_000).toISOString(),
      ...(joinUrl ? { joinUrl } : {}),
      attendees: meetingAttendees(command.stage),
      arrangedBy: actorAs(command.actor, role),
    });
    announceMeeting(r, command.stage);
    return r.done(`Recorded: the meeting is at ${words(start.toISOString(), now)}.`);
  }

  function recordMeetingOutcome(state: CaseState | undefined, command: Extract<CaseCommand, { type: 'RecordMeetingOutcome' }>, now: Date): Decision {
    if (!state) return refuse('There is no such case.');
    const role = actingRole(config, command.actor.aadObjectId, 'RecordMeetingOutcome');
    if (!role) return refuse("Only the review group chair can record the partners' meeting's outcome.");
    const d = state.dispute;
    if (state.decision) return refuse(`The decision on ${state.referral.caseRef} (${VIEW_WORDS[state.decision.decision]}) was already recorded on ${words(state.decision.at, now)}.`);
    if (!d || state.stage !== 'dispute') return refuse(`Case ${state.referral.caseRef} has no partners' meeting to record.`);
    if (d.outcome || d.stage !== 1) {
      return refuse(`The partners' meeting is no longer open for an outcome: the case has gone to ${finalDecisionMaker(config).displayName} for a final decision.`);
    }
    const problem = checkFreeText('rationale', command.rationale, { required: true });
    if (problem) return refuse(problem.message);
    if (command.outcome === 'agreed' && !command.decision) return refuse('Say what the partners agreed: notify or do not notify.');
    const by = actorAs(command.actor, role);
    const rationale = command.rationale.trim();
    const r = recorder(state);
    r.record({ type: 'MeetingOutcomeRecorded', at: iso(now), by, outcome: command.outcome, ...(command.outcome === 'agreed' ? { decision: command.decision! } : {}), rationale });
    if (command.outcome === 'agreed') {
      r.record({ type: 'DecisionReached', at: iso(now), decision: command.decision!, basis: 'meetingAgreed', by, rationale });
      announceDecision(r, command.decision!);
      r.effect({ type: 'refreshCards' });
      return r.done(`Recorded: the partners agreed at the meeting (${VIEW_WORDS[command.decision!]}).`);
    }
    escalate(r, now, 'notResolved');
    return r.done(`Recorded: not resolved. The case goes to ${finalDecisionMaker(config).displayName} for a final decision by ${words(finalDecisionDue(r.state!)!, now)}.`);
  }

  function recordFinalDecision(state: CaseState | undefined, command: Extract<CaseCommand, { type: 'RecordFinalDecision' }>, now: Date): Decision {
    if (!state) return refuse('There is no such case.');
    const maker = finalDecisionMaker(config);
    const role = actingRole(config, command.actor.aadObjectId, 'RecordFinalDecision');
    if (!role) return refuse(`Only the partnership's final decision maker (${maker.displayName}) can record the final decision.`);
    if (state.decision) return refuse(`The decision on ${state.referral.caseRef} (${VIEW_WORDS[state.decision.decision]}) was already recorded on ${words(state.decision.at, now)}. Re-open it if new information has arrived.`);
    if (!finalDecisionDue(state)) return refuse(`Case ${state.referral.caseRef} is not waiting for a final decision.`);
    const problem = checkFreeText('rationale', command.rationale, { required: true });
    if (problem) return refuse(problem.message);
    const r = recorder(state);
    r.record({ type: 'DecisionReached', at: iso(now), decision: command.decision, basis: 'finalDecision', by: actorAs(command.actor, role), rationale: command.rationale.trim(), scrutineerAttended: command.scrutineerAttended });
    announceDecision(r, command.decision);
    const scrutineer = config.independentScrutineer.aadObjectId;
    if (!command.scrutineerAttended && scrutineer !== command.actor.aadObjectId) {
      r.effect({ type: 'send', key: `scrutineerReview:${r.state?.version}`, to: person(scrutineer), card: { kind: 'scrutineerReview' }, tracked: false });
    }
    r.effect({ type: 'refreshCards' });
    return r.done(`Final decision recorded: ${VIEW_WORDS[command.decision]}.`);
  }

  function reopenDecision(state: CaseState | undefined, command: Extract<CaseCommand, { type: 'ReopenDecision' }>, now: Date): Decision {
    if (!state) return refuse('There is no such case.');
    const maker = finalDecisionMaker(config);
    const role = actingRole(config, command.actor.aadObjectId, 'ReopenDecision');
    if (!role) return refuse(`Only the partnership's final decision maker (${maker.displayName}) can re-open a final decision.`);
    if (!state.decision || state.decision.basis !== 'finalDecision') return refuse(`There is no final decision on ${state.referral.caseRef} to re-open.`);
    const problem = checkFreeText('reason', command.reason, { required: true });
    if (problem) return refuse(problem.message);
    const r = recorder(state);
    r.record({ type: 'DecisionReopened', at: iso(now), by: actorAs(command.actor, role), reason: command.reason.trim(), decisionDueAt: iso(calendar.addWorkingDays(now, 1)) });
    const v = r.state?.version;
    r.effect({ type: 'send', key: `decisionReopened:${v}`, to: { kind: 'conversation', target: 'monitoring' }, card: { kind: 'decisionReopened' }, tracked: false });
    r.effect({ type: 'send', key: `finalDecisionRequest:${maker.aadObjectId}:${v}`, to: person(maker.aadObjectId), card: { kind: 'finalDecisionRequest' }, tracked: true });
    r.effect({ type: 'refreshCards' });
    return r.done(`Re-opened. Your new decision is due by ${words(finalDecisionDue(r.state!)!, now)}.`);
  }

  /** The deadline sweep: reminders at half time, alerts when overdue, deemed agreement when the window closes. */
  function tick(state: CaseState | undefined, now: Date): Decision {
    if (!state) return nothing();
    const r = recorder(state);
    const t = now.getTime();
    const due = (at: string) => t >= Date.parse(at);
    const halfway = (from: string, to: string) => t >= calendar.halfway(new Date(from), new Date(to)).getTime();
    const remind = (about: 'initialView' | 'partnerReply' | 'panelNotification', to: string[]) => {
      r.record({ type: 'ReminderSent', at: iso(now), about, to });
      for (const id of to) r.effect({ type: 'send', key: `reminder:${about}:${id}`, to: person(id), card: { kind: 'reminder', about }, tracked: false });
    };
    const overdue = (about: OverdueAbout) => {
      r.record({ type: 'OverdueRaised', at: iso(now), about });
      r.effect({ type: 'send', key: `overdue:${about}`, to: { kind: 'conversation', target: 'monitoring' }, card: { kind: 'overdue', about }, tracked: false });
    };

    if (state.stage === 'awaitingInitialView') {
      if (!state.remindersSent.includes('initialView') && halfway(state.loggedAt, state.initialViewDueAt) && !due(state.initialViewDueAt)) {
        remind('initialView', unique([config.reviewGroupChair.aadObjectId, config.childrensServicesDirector.aadObjectId]));
      }
      if (!state.overdueRaised.includes('initialView') && due(state.initialViewDueAt)) overdue('initialView');
    }

    if (state.stage === 'awaitingPartnerReplies' && state.initialView?.postedAt && state.initialView.repliesDueAt) {
      const { postedAt, repliesDueAt } = state.initialView;
      const silent = PARTNERS.filter((p) => state.positions[p].status === 'awaiting');
      if (due(repliesDueAt)) {
        for (const partner of silent) r.record({ type: 'AgreementDeemed', at: iso(now), partner, windowClosedAt: repliesDueAt });
        if (silent.length > 0) r.effect({ type: 'refreshCards' });
        settle(r, now, true);
      } else if (!state.remindersSent.includes('partnerReply') && halfway(postedAt, repliesDueAt) && silent.length > 0) {
        remind('partnerReply', unique(silent.flatMap((p) => partnerPeople(config, p).map((x) => x.aadObjectId))));
      }
    }

    const d = state.dispute;
    if (state.stage === 'dispute' && d && d.stage === 1 && !d.outcome && due(d.meetingDueAt)) {
      // No outcome recorded in time: it goes to the decision maker (the issue's stage 2 trigger).
      overdue('meetingOutcome');
      escalate(r, now, 'outcomeOverdue');
    }
    const decisionDue = r.state ? finalDecisionDue(r.state) : undefined;
    if (decisionDue && due(decisionDue) && !r.state!.overdueRaised.includes('finalDecision')) overdue('finalDecision');

    if (state.stage === 'rapidReview') review.tick(r, now);

    if (state.stage === 'awaitingPanelNotification' && state.decision) {
      const dueAt = state.panelNotificationDueAt;
      if (!state.remindersSent.includes('panelNotification') && halfway(state.decision.at, dueAt) && !due(dueAt)) {
        remind('panelNotification', unique(partnerPeople(config, 'localAuthority').map((p) => p.aadObjectId)));
      }
      if (!state.overdueRaised.includes('panelNotification') && due(dueAt)) overdue('panelNotification');
    }
    return r.done();
  }

  return function decide(state, command, now) {
    switch (command.type) {
      case 'LogReferral':
        return logReferral(state, command, now);
      case 'GiveInitialView':
        return giveInitialView(state, command, now);
      case 'ReplyAsPartner':
        return replyAsPartner(state, command, now);
      case 'ConfirmPanelNotification':
        return confirmPanelNotification(state, command, now);
      case 'ChooseNextStep':
        return chooseNextStep(state, command, now);
      case 'RecordPartnerCardPosted':
        return recordPartnerCardPosted(state, command);
      case 'RecordMeetingBooked':
        return recordMeetingBooked(state, command, now);
      case 'RecordMeetingBookingFailed':
        return recordMeetingBookingFailed(state, command, now);
      case 'ArrangeMeeting':
        return arrangeMeeting(state, command, now);
      case 'RecordMeetingOutcome':
        return recordMeetingOutcome(state, command, now);
      case 'RecordFinalDecision':
        return recordFinalDecision(state, command, now);
      case 'ReopenDecision':
        return reopenDecision(state, command, now);
      case 'SetUpRapidReview':
        return review.setUp(state, command, now);
      case 'RecordScopingReturn':
        return review.recordReturn(state, command, now);
      case 'RecordNoInvolvement':
        return review.recordNoInvolvement(state, command, now);
      case 'RequestExtension':
        return review.requestExtension(state, command, now);
      case 'DecideExtension':
        return review.decideExtension(state, command, now);
      case 'ConfirmAttendance':
        return review.confirmAttendance(state, command, now);
      case 'RecordRapidReviewOutcome':
        return review.recordOutcome(state, command, now);
      case 'Tick':
        return tick(state, now);
    }
  };
}
