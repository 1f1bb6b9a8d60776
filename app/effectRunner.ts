import type { PartnershipFile } from '../config/partnershipFile.js';
import { caseCard, noticeCard, type AdaptiveCard } from '../cards/index.js';
import { maySee } from '../workflow/access.js';
import { findPerson } from '../workflow/partnership.js';
import type { CaseCommand } from '../workflow/commands.js';
import type { DisputeStage } from '../workflow/events.js';
import type { MeetingBooker } from './meetingBooker.js';
import type { WorkingCalendar } from '../workflow/calendar/workingCalendar.js';
import type { CardSpec, Effect, Recipient } from '../workflow/effects.js';
import { evolve, type CaseState } from '../workflow/state.js';
import type { CaseStore } from '../store/caseStore.js';
import type { HeldRequest, Outbox, PendingEffect, TrackedCardRow } from '../store/outbox.js';
import type { CaseHead } from '../store/caseHead.js';
import type { CommittedEffect } from '../store/caseStore.js';
import type { Logger, Mailer, Messenger } from './ports.js';
import { createHash } from 'node:crypto';
import { notificationEmail, type MailReason } from './mailBody.js';
import { reachableInTeams } from './rosterIdentity.js';
import { PARTNERS } from '../workflow/partnership.js';
import { noCrash, type CrashHook, type CrashPoint } from './crashPoints.js';
import { SentCards } from './sentCards.js';
import { MAX_RETRY_MS, REPORT_AFTER_FAILURES, retryDelayMs } from './retryBackoff.js';
import { CARD_WORDS } from './cardWords.js';
import { mailRef } from './mailRef.js';

/**
 * Performs a case's pending effects, each once: claimed with a lease, performed, marked done.
 * Cards are rendered from the case's current state at the moment they are sent, so a late retry
 * never shows an older truth than the log.
 *
 * Effects wait only for earlier effects to the same recipient (so a conversation sees them in
 * order): one person without a chat, or a channel the app was removed from, holds up nothing
 * else. Card refreshes are idempotent renders of the latest state, so they never wait at all.
 */
export class EffectRunner {
  /**
   * Set by the composition root: records what an effect found out (the partners' card posted, a
   * meeting booked or not) through the same load-decide-append path as everything else.
   */
  record: ((caseRef: string, command: CaseCommand) => Promise<void>) | undefined;

  private readonly sent = new SentCards();

  constructor(
    private readonly deps: {
      outbox: Outbox;
      store: CaseStore;
      messenger: Messenger;
      /** Email where Teams cannot reach (shared inboxes, people without Teams, undeliverable cards). */
      mailer?: Mailer;
      /** The app's public address (PUBLIC_BASE_URL): emails link to its page to act (app/actLink.ts). */
      publicBaseUrl?: string;
      meetings: MeetingBooker;
      config: PartnershipFile;
      log: Logger;
      /** Working days shown on cards (rapid review board: days left, overdue by). */
      calendar: WorkingCalendar;
      /** The partners' reply deadline for a card posted at a given instant (shown on the card). */
      partnerWindow: (postedAt: Date) => Date;
      leaseMs?: number;
      /** Local fault suite only (app/crashPoints.ts). */
      crash?: CrashHook;
    },
  ) {}

  /**
   * Returns how many effects are still pending (held by another process, or failed: the sweep
   * retries them). `committed` is what the caller has just appended (the head, the state, the new
   * effects with their eTags), so nothing needs reading back before the first effect.
   */
  async runFor(caseRef: string, now: Date, options: { committed?: { head: CaseHead; state: CaseState; effects: CommittedEffect[] } } = {}): Promise<number> {
    const { outbox, log } = this.deps;
    const { effects: pending, head } = options.committed ? await this.committedEffects(caseRef, options.committed) : await outbox.pending(caseRef);
    const blocked = new Set<string>();
    const done = new Set<string>();
    const refreshesDone: { rowKey: string; etag: string; doneAt: Date }[] = [];
    let known = options.committed ? { state: options.committed.state, head: options.committed.head } : undefined;
    const leaseMs = this.deps.leaseMs ?? 60_000;
    // A refresh renders the latest state and checks it again afterwards: performing it twice (two
    // processes at once) is harmless, so it is not leased. Everything else is, all in one go.
    const claimed = await outbox.claimAll(caseRef, pending.filter((e) => e.effect.type !== 'refreshCards'), now, leaseMs);
    for (const effect of pending) {
      const lane = laneOf(effect.effect);
      if (lane && blocked.has(lane)) continue;
      const etag = effect.effect.type === 'refreshCards' ? effect.etag : claimed.get(effect.rowKey);
      if (!etag) {
        if (lane) blocked.add(lane);
        continue;
      }
      let result: Performed;
      // Only sends this run holds the lease on: one held elsewhere may have been posted already.
      const unposted = new Set(pending.flatMap((e) => (e.effect.type === 'send' && e.effect.tracked && claimed.has(e.rowKey) && !done.has(e.rowKey) ? [e.effect.key] : [])));
      try {
        result = await this.perform(caseRef, effect, now, known && { ...known, unposted });
      } catch (error) {
        known = undefined;
        log.error('effect failed; the sweep will retry it', { caseRef, effect: describe(effect.effect), attempt: effect.attempts + 1, error: errorText(error) });
        if (lane) blocked.add(lane);
        // Held back after the alert, longer each time: a card that can never be delivered is
        // tried a few times a day, not at every sweep.
        const delay = retryDelayMs(effect.attempts + 1);
        const attempts = await outbox.recordFailure(caseRef, effect, etag, delay > 0 ? new Date(now.getTime() + delay) : undefined);
        if (attempts === REPORT_AFTER_FAILURES) await this.alertUndeliverable(caseRef, effect.effect);
        if (attempts >= REPORT_AFTER_FAILURES) await this.emailInstead(caseRef, effect, now);
        continue;
      }
      // What this effect recorded changed the case: read it fresh for the next one.
      if (result.recorded) known = undefined;
      this.crash('performed', effect.effect.type);
      // A refresh is marked done with the head's pruning at the end (one transaction); anything
      // else at once, before the next effect, so a crash never repeats what was done.
      if (effect.effect.type === 'refreshCards') refreshesDone.push({ rowKey: effect.rowKey, etag, doneAt: now });
      else await outbox.markDone(caseRef, effect.rowKey, etag, now, result.sent);
      done.add(effect.rowKey);
    }
    // Listed effects found done (or gone) before this run, and those it has done now.
    const stillPending = new Set(pending.filter((e) => !done.has(e.rowKey)).map((e) => e.rowKey));
    const settled = new Set((head?.pending ?? []).filter((key) => !stillPending.has(key)));
    if (head && settled.size > 0) await outbox.prune(caseRef, head, settled, refreshesDone);
    else await Promise.all(refreshesDone.map((d) => outbox.markDone(caseRef, d.rowKey, d.etag, d.doneAt)));
    return pending.length - done.size;
  }

  /** The effects just committed, and any earlier ones the head still lists (read by key). */
  private async committedEffects(caseRef: string, committed: { head: CaseHead; effects: CommittedEffect[] }): Promise<{ effects: PendingEffect[]; head: CaseHead }> {
    const fresh = new Set(committed.effects.map((e) => e.rowKey));
    const earlier = committed.head.pending.filter((key) => !fresh.has(key));
    const listed = earlier.length > 0 ? await this.deps.outbox.listed(caseRef, earlier) : [];
    const pending = [...listed, ...committed.effects.map((e) => ({ rowKey: e.rowKey, etag: e.etag, effect: e.effect, attempts: 0 }))].sort((a, b) => a.rowKey.localeCompare(b.rowKey));
    return { effects: pending, head: committed.head };
  }

  /**
   * A card that keeps failing must not fail silently: the business unit is told once, in the
   * monitoring channel, what could not be delivered to whom. The runner keeps trying, less often.
   */
  private async alertUndeliverable(caseRef: string, effect: Effect): Promise<void> {
    if (effect.type !== 'send' || (effect.to.kind === 'conversation' && effect.to.target === 'monitoring')) return;
    const { config, messenger, log } = this.deps;
    const to = effect.to;
    const where = to.kind === 'person' ? `${findPerson(config, to.aadObjectId)?.displayName ?? 'a person on the roster'} (1:1 chat)` : config.channels[to.target].label;
    const card = noticeCard(
      `${caseRef}: a card could not be delivered`,
      `The bot has tried ${REPORT_AFTER_FAILURES} times to send ${CARD_WORDS[effect.card.kind]} to ${where}, without success. Check that the app is installed there (for a person: that they have the app). The bot keeps trying, less often (at least every ${MAX_RETRY_MS / 3_600_000} hours).`,
    );
    try {
      await messenger.sendToConversation(config.channels.monitoring.conversationId, card);
    } catch (error) {
      log.error('could not alert the monitoring channel either', { caseRef, error: errorText(error) });
    }
  }

  /**
   * Who is emailed for a card, besides (or instead of) Teams: a person the bot cannot reach in
   * Teams gets their own card's email; what goes to the partners' decision channel also goes to
   * the partners' shared inboxes and to partner people listed as email-only (external members of
   * a shared channel see the channel's card there, so they are not emailed for it).
   */
  private mailsFor(to: Recipient, card: CardSpec): { address: string; reason: MailReason; holder?: string }[] {
    const { config } = this.deps;
    if (to.kind === 'person') {
      const person = findPerson(config, to.aadObjectId);
      // Someone away: their partner's absence inboxes are told what they or their stand-in is asked (workflow/whenAway.ts).
      const inboxes = (card.awayFor?.inboxes ?? []).map((address) => ({ address, reason: 'inbox' as const }));
      return [...(person && this.emailOnly(to.aadObjectId) ? [{ address: person.email, reason: 'emailOnly' as const, holder: person.aadObjectId }] : []), ...inboxes];
    }
    if (to.target !== 'decision') return [];
    const inboxes = PARTNERS.flatMap((p) => config.partners[p].inboxes.map((i) => ({ address: i.email, reason: 'inbox' as const })));
    const emailOnly = PARTNERS.flatMap((p) => [config.partners[p].representative, ...config.partners[p].deputies]).filter((person) => person.teams === false);
    const all = [...inboxes, ...emailOnly.map((person) => ({ address: person.email, reason: 'emailOnly' as const, holder: person.aadObjectId }))];
    return all.filter((m, i) => all.findIndex((o) => o.address.toLowerCase() === m.address.toLowerCase()) === i);
  }

  private emailOnly(aadObjectId: string): boolean {
    const person = findPerson(this.deps.config, aadObjectId);
    return person !== undefined && !reachableInTeams(this.deps.config, person);
  }

  /**
   * Sends one email of an effect unless it was sent (or refused) before. A refusal (the mailbox or
   * the address) is final: reported to the business unit like an undeliverable card, not retried.
   * A transient failure throws, and the effect is retried with the others.
   */
  private async sendMail(caseRef: string, pending: PendingEffect, mail: { address: string; reason: MailReason }, state: CaseState, now: Date): Promise<void> {
    const { outbox, mailer, log, config } = this.deps;
    if (pending.effect.type !== 'send') return;
    const card = pending.effect.card;
    const key = createHash('sha256').update(`${pending.effect.key}\n${mail.address.toLowerCase()}\n${mail.reason}`).digest('hex').slice(0, 40);
    if (await outbox.mailOutcome(caseRef, key)) return;
    const email = notificationEmail({ config, caseRef, state, card, reason: mail.reason, ...(this.deps.publicBaseUrl ? { publicBaseUrl: this.deps.publicBaseUrl } : {}) });
    const result = mailer ? await mailer.send({ to: mail.address, ...email, ref: mailRef(caseRef, key) }) : { ok: false as const, refused: 'email is not configured' };
    // What it was, so a bounce reported later can say (app/bounceWatch.ts).
    const about = { to: mail.address, card: card.kind, reason: mail.reason };
    if (result.ok) {
      await outbox.recordMail(caseRef, key, 'sent', now, about);
      log.info('email sent', { caseRef, card: card.kind, reason: mail.reason });
      return;
    }
    await outbox.recordMail(caseRef, key, 'refused', now, about);
    log.warn('email refused', { caseRef, card: card.kind, reason: mail.reason, error: result.refused });
    const notice = noticeCard(
      `${caseRef}: an email could not be sent`,
      `The bot could not email ${CARD_WORDS[card.kind]} to ${mail.address} (${mail.reason === 'inbox' ? 'a shared inbox' : 'a person on the roster'}): ${result.refused}. Check the address on the roster and the partnership mailbox's permission to send. It will not be tried again.`,
    );
    try {
      await this.deps.messenger.sendToConversation(config.channels.monitoring.conversationId, notice);
    } catch (error) {
      log.error('could not alert the monitoring channel either', { caseRef, error: errorText(error) });
    }
  }

  /**
   * A person's card that keeps failing: they are emailed that there is something for them (once),
   * while the bot keeps trying the card. Never fails the caller: the failure is logged.
   */
  private async emailInstead(caseRef: string, pending: PendingEffect, now: Date): Promise<void> {
    const effect = pending.effect;
    // A partnership that sends no email (no mail.fromMailbox) has the business unit's alert only.
    if (effect.type !== 'send' || effect.to.kind !== 'person' || !this.deps.config.mail) return;
    const person = findPerson(this.deps.config, effect.to.aadObjectId);
    if (!person) return;
    try {
      const state = await this.load(caseRef);
      // A card the access policy kept from them is not told of by email either.
      if (!maySee(this.deps.config, effect.to.aadObjectId, effect.card, state)) return;
      await this.sendMail(caseRef, pending, { address: person.email, reason: 'undeliverable' }, state, now);
    } catch (error) {
      this.deps.log.error('could not email in place of an undeliverable card; tried again at the next failure', { caseRef, error: errorText(error) });
    }
  }

  private crash(point: CrashPoint, kind?: string): void {
    (this.deps.crash ?? noCrash)(point, kind);
  }

  private async load(caseRef: string): Promise<CaseState> {
    return (await this.loadWithHead(caseRef)).state;
  }

  private async loadWithHead(caseRef: string): Promise<{ state: CaseState; head: CaseHead | undefined }> {
    const { state, head } = await this.deps.store.load(caseRef);
    if (!state) throw new Error(`Case ${caseRef} has effects but no events`);
    return { state, head };
  }

  private render(spec: CardSpec, state: CaseState, now: Date, recipient: Recipient): AdaptiveCard {
    // The same policy as every click and view: a card the procedure addresses to someone who may
    // not see it is a fault in the procedure, and is never sent (it fails, and is reported as
    // undeliverable like any card that cannot go).
    if (recipient.kind === 'person' && !maySee(this.deps.config, recipient.aadObjectId, spec, state)) {
      throw new Error(`A ${spec.kind} card was addressed to someone the access policy does not let see it; it was not sent.`);
    }
    return caseCard(spec, { state, config: this.deps.config, now, recipient, calendar: this.deps.calendar });
  }

  private async perform(caseRef: string, pending: PendingEffect, now: Date, known: Known | undefined): Promise<Performed> {
    const effect = pending.effect;
    if (effect.type === 'refreshCards') return (await this.refresh(caseRef, now, known), {});
    if (effect.type === 'bookMeeting') return (await this.bookMeeting(caseRef, effect.stage, now), { recorded: true });
    if (effect.type === 'cancelMeeting') {
      await this.deps.meetings.cancel(effect.eventId, 'The partners now all agree on the initial view, so the meeting is cancelled.');
      return {};
    }
    const { outbox } = this.deps;
    const isPartnerCard = effect.card.kind === 'partnerDecision' && effect.tracked;

    // A send that already happened (crash after posting a tracked card, before marking it done)
    // is not repeated. An effect never claimed before (no lease, no failed attempt) cannot have
    // been performed, so only a retry needs to look.
    const retry = pending.attempts > 0 || pending.leaseUntil !== undefined;
    const tracked = effect.tracked && retry ? await outbox.trackedCard(caseRef, effect.key) : undefined;
    if (tracked) {
      if (!isPartnerCard) return {};
      await this.recordResult(caseRef, { type: 'RecordPartnerCardPosted', postedAt: (tracked.postedAt ? new Date(tracked.postedAt) : now).toISOString() });
      return { recorded: true };
    }
    let state = known?.state ?? (await this.load(caseRef));
    if (isPartnerCard && state.initialView && !state.initialView.postedAt) {
      // Shown as it will be once the posting is recorded below: the deadline counts from now.
      state = evolve(state, { type: 'PartnerCardPosted', at: now.toISOString(), repliesDueAt: this.deps.partnerWindow(now).toISOString() });
    }
    // The access policy holds for an email as for the card: checked before either goes.
    if (effect.to.kind === 'person' && !maySee(this.deps.config, effect.to.aadObjectId, effect.card, state)) {
      throw new Error(`A ${effect.card.kind} card was addressed to someone the access policy does not let see it; it was not sent.`);
    }
    // Emails first, each recorded once sent: a card that then fails is retried without them. (If
    // the partners' card only posts at a retry, its emails gave a deadline a little earlier than
    // the one the posting starts: erring early.)
    const mails = this.mailsFor(effect.to, effect.card);
    for (const mail of mails) await this.sendMail(caseRef, pending, mail, state, now);
    const emailOnly = effect.to.kind === 'person' && this.emailOnly(effect.to.aadObjectId);
    // Who holds the request from now on, whatever reached them (issue 16): the person a 1:1 send
    // is for, and the people emailed a channel's request because Teams cannot reach them. A roster
    // change moves what they hold (app/rosterFollowUp.ts).
    const held: HeldRequest[] = !effect.tracked
      ? []
      : [
          ...(effect.to.kind === 'person' ? [{ holder: effect.to.aadObjectId, channel: emailOnly ? ('email' as const) : ('teams' as const) }] : []),
          ...mails.flatMap((m) => (effect.to.kind === 'conversation' && m.reason === 'emailOnly' && m.holder ? [{ holder: m.holder, channel: 'email' as const }] : [])),
        ].map((h) => ({ ...h, sendKey: effect.key, card: JSON.stringify(effect.card), at: now.toISOString() }));
    // Someone the bot cannot reach in Teams has been told by email: there is no card to send.
    if (emailOnly) return held.length > 0 ? { sent: { held } } : {};
    const card = this.render(effect.card, state, now, effect.to);
    const sent = await this.deliver(effect.to, card);
    this.crash('sent');
    if (effect.tracked) this.sent.remember(sent.conversationId, sent.activityId, SentCards.digest(card));
    if (!effect.tracked) return { sent: { activityId: sent.activityId } };
    const row = { conversationId: sent.conversationId, activityId: sent.activityId, card: JSON.stringify(effect.card), recipient: JSON.stringify(effect.to), postedAt: now.toISOString() };
    if (!isPartnerCard) return { sent: { card: { key: effect.key, row }, ...(held.length > 0 ? { held } : {}) } };
    // The partners' card starts the reply window: its row is saved before that is recorded, so a
    // crash in between records it on the retry, with the time it was really posted. Its holders
    // first: a retry that finds the card row returns before reaching them.
    if (held.length > 0) await outbox.recordHeld(caseRef, held);
    await outbox.saveTrackedCard(caseRef, effect.key, row);
    await this.recordResult(caseRef, { type: 'RecordPartnerCardPosted', postedAt: now.toISOString() });
    return { recorded: true };
  }

  private async recordResult(caseRef: string, command: CaseCommand): Promise<void> {
    if (!this.record) throw new Error('EffectRunner.record is not set');
    await this.record(caseRef, command);
  }

  /**
   * Books the stage's meeting, or records why it could not be booked so the business unit is
   * asked to arrange it. A retry after a crash books with the same transactionId (no second event).
   */
  private async bookMeeting(caseRef: string, stage: DisputeStage, now: Date): Promise<void> {
    const state = await this.load(caseRef);
    const d = state.dispute;
    if (!d || state.decision || d.meetings[stage] || d.bookingFailed[stage]) return;
    const result = await this.deps.meetings.book(caseRef, stage, state, now);
    if (result.ok) this.crash('booked');
    if (!result.ok) {
      this.deps.log.warn('meeting not booked; the business unit is asked to arrange it', { caseRef, stage, reason: result.reason });
      return this.recordResult(caseRef, { type: 'RecordMeetingBookingFailed', stage, reason: result.reason });
    }
    await this.recordResult(caseRef, {
      type: 'RecordMeetingBooked',
      stage,
      start: result.start.toISOString(),
      end: result.end.toISOString(),
      eventId: result.eventId,
      ...(result.joinUrl ? { joinUrl: result.joinUrl } : {}),
      attendees: result.attendees,
    });
  }

  /**
   * Updates every tracked card from the latest state. If the case changed while the updates were
   * in flight (a racing reply), render again, so the last update any card receives is current.
   */
  private async refresh(caseRef: string, now: Date, known: Known | undefined): Promise<void> {
    const { outbox, messenger, log } = this.deps;
    let current = known ?? (await this.loadWithHead(caseRef));
    let cards = await outbox.trackedCards(caseRef, current.head, known?.unposted);
    let failure: unknown;
    for (let round = 0; round < 3; round++) {
      const state = current.state;
      failure = undefined;
      // Different messages, so no order to keep between them: updated together. A message that
      // already shows this very card is left alone.
      const results = await Promise.allSettled(
        cards.map(async (tracked) => {
          const card = this.render(JSON.parse(tracked.card) as CardSpec, state, now, JSON.parse(tracked.recipient) as Recipient);
          const digest = SentCards.digest(card);
          if (this.sent.shows(tracked.conversationId, tracked.activityId, digest)) return;
          try {
            await messenger.update(tracked.conversationId, tracked.activityId, card);
          } catch (error) {
            this.sent.forget(tracked.conversationId, tracked.activityId);
            throw error;
          }
          this.sent.remember(tracked.conversationId, tracked.activityId, digest);
        }),
      );
      for (const result of results) {
        if (result.status === 'fulfilled') continue;
        // One card that cannot be updated (deleted, chat gone) must not keep the others stale.
        log.warn('card update failed', { caseRef, error: errorText(result.reason) });
        failure = result.reason;
      }
      const latest = await this.loadWithHead(caseRef);
      if (latest.state.version === state.version) break;
      // A card posted meanwhile is updated too.
      if (latest.head && latest.head.tracked.length !== current.head?.tracked.length) cards = await outbox.trackedCards(caseRef, latest.head);
      current = latest;
    }
    if (failure) throw failure;
  }

  private async deliver(to: Recipient, card: AdaptiveCard): Promise<{ conversationId: string; activityId: string }> {
    if (to.kind === 'person') return this.deps.messenger.sendToPerson(to.aadObjectId, card);
    const conversationId = this.deps.config.channels[to.target].conversationId;
    const { activityId } = await this.deps.messenger.sendToConversation(conversationId, card);
    return { conversationId, activityId };
  }
}

/** The case as the caller already has it, to render without reading it again. */
type Known = {
  state: CaseState;
  head: CaseHead | undefined;
  /** Tracked sends of this run not performed yet: their cards do not exist, so nothing to read. */
  unposted?: ReadonlySet<string>;
};

/** What performing an effect did: recorded a result (the case changed), or sent something to remember. */
type Performed = { recorded?: boolean; sent?: { activityId?: string; card?: { key: string; row: Omit<TrackedCardRow, 'rowKey'> }; held?: HeldRequest[] } };


/** Effects to one recipient keep their order; refreshes (idempotent) have no lane. */
function laneOf(effect: Effect): string | undefined {
  if (effect.type === 'refreshCards') return undefined;
  if (effect.type === 'bookMeeting' || effect.type === 'cancelMeeting') return `graph:${effect.stage}`;
  return effect.to.kind === 'person' ? `person:${effect.to.aadObjectId}` : `conversation:${effect.to.target}`;
}

function describe(effect: Effect): string {
  return effect.type === 'send' ? `send ${effect.card.kind} (${effect.key})` : effect.type === 'refreshCards' ? effect.type : `${effect.type} stage ${effect.stage}`;
}

export function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
