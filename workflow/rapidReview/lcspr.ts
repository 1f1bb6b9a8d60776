import { sendAsked } from '../whenAway.js';
import { checkFreeText } from '../freeText.js';
import { ROLE_WORDS } from '../words.js';
import { actorAs, iso, monitoring, partnerRoleFor, person, recorder, refuse, sendKey, unique, words, type Handler, type Recorder } from '../kernel.js';
import { actingRole, partnersActedFor } from '../access.js';
import { PARTNERS, PARTNER_NAMES, partnerPeople, type Partner, type PartnershipConfig } from '../partnership.js';
import type { CaseState, LcsprDecision } from '../state.js';
import { declareTimers, timer } from '../timers.js';
import type { WorkingCalendar } from '../calendar/workingCalendar.js';
import { openReview } from './common.js';
import { openFromPartnersDecision } from '../localReview/open.js';

/**
 * Whether to hold a local review (LCSPR) is the three partners' decision, not the chair's:
 * 002 Section B 6 "Safeguarding partner representatives in LIG, with the support of all LIG members
 * will make the decision whether a local child safeguarding practice review is required"; 5.3 "The
 * safeguarding partners have responsibility for deciding whether to commission and conduct a local
 * child safeguarding practice review. The Independent Scrutineer will also be informed". The review
 * group recommends (meeting.ts); each partner agrees or disagrees on a card like the notification's.
 * A disagreement goes to the partnership's dispute rule: 002 8.2 "escalated for decision by the
 * partnership chair (within three working days)"; 003 "The BHSCP Independent Scrutineer will make
 * the final decision in the case of disagreement" (`reviewDisputeDecider`). Silence is agreement
 * only where `lcsprSilenceIsAgreement` says so.
 *
 * Time frames: the seeds give none for the partners' reply on the LCSPR decision beyond the rapid
 * review's 15 working days; their reply is asked within 1 working day, as on the notification
 * (002 Section B table, step 4 "Within 1 working day"), with a reminder at half time and the
 * monitoring channel told when it passes. The decider has 3 working days (8.2).
 */

export const DISPUTE_DAYS = 3;

/** The LCSPR decision while it is still the partners' to make, or the refusal to give. */
function openDecision(state: CaseState | undefined): { error: ReturnType<typeof refuse> } | { error?: undefined; l: LcsprDecision } {
  const found = openReview(state);
  if (found.error) return { error: found.error };
  const l = found.rr.lcspr;
  if (!l) return { error: refuse('The review group has not yet recorded its recommendation on a local review.') };
  return { l };
}

const settled = (l: LcsprDecision, partner: Partner) => l.positions[partner] !== undefined;
const disagreeing = (l: LcsprDecision): Partner[] => PARTNERS.filter((p) => l.positions[p]?.status === 'disagreed');

/** Every partner has a position: all agree (the recommendation stands), or the dispute rule applies. */
function resolveIfComplete(r: Recorder, config: PartnershipConfig, calendar: WorkingCalendar, now: Date) {
  const l = r.state?.rapidReview?.lcspr;
  if (!l || l.decided || l.dispute || !PARTNERS.every((p) => settled(l, p))) return;
  const against = disagreeing(l);
  if (against.length === 0) {
    r.record({ type: 'LcsprDecided', at: iso(now), lcspr: l.recommended, basis: 'partnersAgreed' });
    informOfDecision(r, config, now);
    return;
  }
  openDispute(r, config, calendar, now, against);
}

function openDispute(r: Recorder, config: PartnershipConfig, calendar: WorkingCalendar, now: Date, against: Partner[]) {
  const decider = config.reviewDisputeDecider;
  r.record({ type: 'LcsprDisputed', at: iso(now), disagreeing: against, decider, decisionDueAt: iso(calendar.addWorkingDays(now, DISPUTE_DAYS)) });
  const who = decider === 'partnershipChair' ? config.partnershipChair : config.independentScrutineer;
  sendAsked(r, config, now, [who.aadObjectId], { kind: 'lcsprDispute' }, () => sendKey.lcsprDispute(), true);
  r.effect({ type: 'send', key: sendKey.lcsprDisputeMonitoring(), to: monitoring, card: { kind: 'lcsprDispute' }, tracked: true });
}

/** 5.3: "The Independent Scrutineer will also be informed"; the monitoring channel too. */
function informOfDecision(r: Recorder, config: PartnershipConfig, now: Date) {
  r.effect({ type: 'send', key: sendKey.lcsprDecidedScrutineer(), to: person(config.independentScrutineer.aadObjectId), card: { kind: 'lcsprDecided' }, tracked: false });
  r.effect({ type: 'send', key: sendKey.lcsprDecidedMonitoring(), to: monitoring, card: { kind: 'lcsprDecided' }, tracked: false });
  const chair = config.reviewGroupChair.aadObjectId;
  sendAsked(r, config, now, [chair], { kind: 'rapidReviewOutcomeRequest' }, sendKey.rapidReviewApproval, true);
  // A decision to hold an LCSPR opens it now: its six-month clock starts at this decision (5.16).
  openFromPartnersDecision(r, config);
}

export const replyOnLcspr: Handler<'ReplyOnLcspr'> = ({ config, calendar }, state, command, now) => {
  const found = openDecision(state);
  if (found.error) return found.error;
  const { l } = found;
  const mine = partnersActedFor(config, command.actor.aadObjectId);
  if (mine.length === 0) return refuse("Only a safeguarding partner's representative or deputy can answer for that partner.");
  const partner = command.partner ?? (mine.length === 1 ? mine[0] : undefined);
  if (!partner || !mine.includes(partner)) return refuse('Say which partner you are answering for.');
  if (l.decided) return refuse(`The partners' decision was already recorded at ${words(l.decided.at, now)}.`);
  if (l.dispute) return refuse(`The partners disagree; the ${ROLE_WORDS[l.dispute.decider]} decides by ${words(l.dispute.decisionDueAt, now)}.`);
  const problem = checkFreeText('rationale', command.rationale, { required: command.reply === 'disagree' });
  if (problem) return refuse(problem.message);
  const r = recorder(state);
  r.record({ type: 'LcsprReplied', at: iso(now), by: actorAs(command.actor, partnerRoleFor(config, command.actor, partner)!), partner, reply: command.reply, ...(command.rationale?.trim() ? { rationale: command.rationale.trim() } : {}) });
  resolveIfComplete(r, config, calendar, now);
  r.effect({ type: 'refreshCards' });
  const after = r.state!.rapidReview!.lcspr!;
  const then = after.decided ? ' All three partners agree: the decision is recorded and the scrutineer is informed.' : after.dispute ? ' The partners disagree: the dispute rule applies.' : '';
  return r.done(`Recorded: ${PARTNER_NAMES[partner]} ${command.reply === 'agree' ? 'agrees' : 'disagrees'} with the review group's recommendation.${then}`);
};

export const decideLcsprDispute: Handler<'DecideLcsprDispute'> = ({ config }, state, command, now) => {
  const found = openDecision(state);
  if (found.error) return found.error;
  const { l } = found;
  const role = actingRole(config, command.actor.aadObjectId, 'DecideLcsprDispute');
  if (!role) return refuse(`Only the ${ROLE_WORDS[config.reviewDisputeDecider]} decides a disagreement on whether to hold a local review.`);
  if (!l.dispute) return refuse('The partners have not disagreed; there is nothing to decide.');
  if (l.decided) return refuse(`The decision was already recorded at ${words(l.decided.at, now)}.`);
  const problem = checkFreeText('rationale', command.rationale, { required: true });
  if (problem) return refuse(problem.message);
  const r = recorder(state);
  r.record({ type: 'LcsprDecided', at: iso(now), lcspr: command.lcspr, basis: 'disputeDecided', by: actorAs(command.actor, role), rationale: command.rationale.trim() });
  informOfDecision(r, config, now);
  r.effect({ type: 'refreshCards' });
  return r.done(`Recorded: ${command.lcspr ? 'an LCSPR will be held' : 'no LCSPR'}. The scrutineer is informed.`);
};

/** The partners' representatives and deputies who have not answered. */
function silentPeople(config: PartnershipConfig, l: LcsprDecision): string[] {
  return unique(PARTNERS.filter((p) => !settled(l, p)).flatMap((p) => partnerPeople(config, p).map((x) => x.aadObjectId)));
}

/**
 * A reminder to the silent at half time; when the window closes, the silent are deemed to agree only
 * where the configuration says so, otherwise the monitoring channel is told (and a disagreement
 * already given goes to the dispute rule). The decider is chased when the 3 working days pass.
 */
export const lcsprTimers = declareTimers(['lcspr:reminder', 'lcspr:windowClosed', 'lcspr:disputeOverdue'], (state, { calendar }) => {
  const rr = state.rapidReview;
  const l = rr?.lcspr;
  if (state.stage !== 'rapidReview' || !rr || !l || l.decided) return [];
  if (l.dispute) {
    return l.chased.includes('disputeOverdue')
      ? []
      : timer('lcspr:disputeOverdue', new Date(l.dispute.decisionDueAt), (r, _, now) => {
          r.record({ type: 'LcsprChased', at: iso(now), chase: 'disputeOverdue', to: [] });
          r.effect({ type: 'send', key: sendKey.lcsprDisputeOverdue(), to: monitoring, card: { kind: 'lcsprChaser' }, tracked: false });
          r.effect({ type: 'refreshCards' });
        });
  }
  const closes = new Date(l.repliesDueAt);
  return [
    ...(l.chased.includes('reminder')
      ? []
      : timer(
          'lcspr:reminder',
          calendar.halfway(new Date(l.recordedAt), closes),
          (r, { config }, now) => {
            const to = silentPeople(config, l);
            r.record({ type: 'LcsprChased', at: iso(now), chase: 'reminder', to });
            sendAsked(r, config, now, to, { kind: 'lcsprChaser' }, sendKey.lcsprReminder, false);
          },
          closes,
        )),
    ...(l.chased.includes('repliesOverdue')
      ? []
      : timer('lcspr:windowClosed', closes, (r, { config, calendar: cal }, now) => {
          if (config.lcsprSilenceIsAgreement) {
            for (const p of PARTNERS.filter((x) => !settled(l, x))) r.record({ type: 'LcsprAgreementDeemed', at: iso(now), partner: p, windowClosedAt: l.repliesDueAt });
            resolveIfComplete(r, config, cal, now);
          } else {
            const against = disagreeing(l);
            if (against.length > 0) openDispute(r, config, cal, now, against);
          }
          const after = r.state!.rapidReview!.lcspr!;
          if (!after.decided && !after.dispute) {
            r.record({ type: 'LcsprChased', at: iso(now), chase: 'repliesOverdue', to: silentPeople(config, after) });
            r.effect({ type: 'send', key: sendKey.lcsprRepliesOverdue(), to: monitoring, card: { kind: 'lcsprChaser' }, tracked: false });
          } else {
            r.record({ type: 'LcsprChased', at: iso(now), chase: 'repliesOverdue', to: [] });
          }
          r.effect({ type: 'refreshCards' });
        })),
  ];
});
