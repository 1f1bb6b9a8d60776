import { partnersActedFor } from '../access.js';
import { checkFreeText } from '../freeText.js';
import { actorAs, iso, nothing, partnerRoleFor, recorder, refuse, unique, words, type Handler, type Recorder, type StepContext } from '../kernel.js';
import { PARTNERS, PARTNER_NAMES, partnerPeople, type Partner } from '../partnership.js';
import type { WorkingCalendar } from '../calendar/workingCalendar.js';
import { declareTimers, timer } from '../timers.js';
import { VIEW_WORDS } from '../words.js';
import { openDispute } from './disputeStage1.js';
import { cancelMeetings } from './meetings.js';
import { announceDecision } from './outcome.js';
import { remind } from './notices.js';

/**
 * Step 3-4 (DOMAIN): the three statutory partners agree or disagree within 1 WD of the card's
 * posting; a partner silent when the window closes is deemed to agree.
 */

/** The partners' reply window: one working day from the posting of their card. */
export function partnerWindowFrom(calendar: WorkingCalendar) {
  return (postedAt: Date) => calendar.addWorkingDays(postedAt, 1);
}

export const recordPartnerCardPosted: Handler<'RecordPartnerCardPosted'> = ({ calendar }, state, command) => {
  if (!state?.initialView) return refuse('There is no initial view whose card could have been posted.');
  // Recorded once: a retried post after a crash keeps the first posting time.
  if (state.initialView.postedAt) return nothing();
  const postedAt = new Date(command.postedAt);
  return { ok: true, events: [{ type: 'PartnerCardPosted', at: postedAt.toISOString(), repliesDueAt: iso(partnerWindowFrom(calendar)(postedAt)) }], effects: [] };
};

export const replyAsPartner: Handler<'ReplyAsPartner'> = (context, state, command, now) => {
  const { config } = context;
  if (!state) return refuse('There is no such case.');
  const represented = partnersActedFor(config, command.actor.aadObjectId);
  if (represented.length === 0) {
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
  // "provide their response and rationale" (002 Section B step 4): an agreement carries one too.
  const problem = checkFreeText('rationale', text, { required: true });
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

  const r = recorder(state);
  r.record({ type: 'PartnerReplied', at: iso(now), by: actorAs(command.actor, partnerRoleFor(config, command.actor, partner)!), partner, reply: command.reply, ...(text ? { rationale: text } : {}), asAuthorOfView: false });
  r.effect({ type: 'refreshCards' });
  settle(context, r, now, false);
  return r.done(`Recorded: ${PARTNER_NAMES[partner]} ${command.reply === 'agree' ? 'agrees' : 'disagrees'}.`);
};

/** After any change of position: all agree -> decision; all replied or window closed with a disagreement -> dispute. */
export function settle(context: StepContext, r: Recorder, now: Date, windowClosed: boolean) {
  const s = r.state;
  if (!s?.initialView || (s.stage !== 'awaitingPartnerReplies' && s.stage !== 'dispute')) return;
  const positions = PARTNERS.map((p) => s.positions[p]);
  if (positions.every((p) => p.status === 'agreed' || p.status === 'deemed')) {
    const decision = s.initialView.view;
    r.record({ type: 'DecisionReached', at: iso(now), decision, basis: 'partnersAgreed' });
    cancelMeetings(r, now, 'The partners now all agree on the initial view, so the meeting is cancelled.');
    announceDecision(context, r, decision, now);
    return;
  }
  const disagreeing = PARTNERS.filter((p) => s.positions[p].status === 'disagreed');
  const allReplied = positions.every((p) => p.status !== 'awaiting');
  if (s.stage === 'awaitingPartnerReplies' && disagreeing.length > 0 && (allReplied || windowClosed)) {
    // The meeting clock starts when the dispute arose (the window's close), not when a sweep noticed it.
    const arose = windowClosed && s.initialView.repliesDueAt ? new Date(s.initialView.repliesDueAt) : now;
    openDispute(context, r, now, disagreeing, arose);
  }
}

/** A reminder to the silent partners at half time; when the window closes, the silent are deemed to agree. */
export const partnerReplyTimers = declareTimers(['partnerReply:reminder', 'partnerReply:windowCloses'], (state, { calendar }) => {
  const view = state.initialView;
  if (state.stage !== 'awaitingPartnerReplies' || !view?.postedAt || !view.repliesDueAt) return [];
  const { postedAt, repliesDueAt } = view;
  const closes = new Date(repliesDueAt);
  const silent = PARTNERS.filter((p) => state.positions[p].status === 'awaiting');
  return [
    ...(state.remindersSent.includes('partnerReply') || silent.length === 0
      ? []
      : timer('partnerReply:reminder', calendar.halfway(new Date(postedAt), closes), (r, { config }, now) => remind(r, config, now, 'partnerReply', unique(silent.flatMap((p) => partnerPeople(config, p).map((x) => x.aadObjectId)))), closes)),
    ...timer('partnerReply:windowCloses', closes, (r, context, now) => {
      for (const partner of silent) r.record({ type: 'AgreementDeemed', at: iso(now), partner, windowClosedAt: repliesDueAt });
      if (silent.length > 0) r.effect({ type: 'refreshCards' });
      settle(context, r, now, true);
    }),
  ];
});
