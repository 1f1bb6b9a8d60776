import { describe, expect, it } from 'vitest';
import type { CommandActor } from '../../workflow/commands.js';
import type { Person } from '../../workflow/partnership.js';
import { CASE_REF, DOCUMENT_URL, PEOPLE } from '../support/sampleConfig.js';
import { RecordingMessenger, cardText } from '../support/recordingMessenger.js';
import { TestClock, testServices, uniquePrefix } from '../support/services.js';

/**
 * The storage invariants against a real Azurite: no lost update, no missed deadline, no lost or
 * duplicated side effect, and two sweeps at once give the same result as one.
 */

const as = (p: Person): CommandActor => ({ aadObjectId: p.aadObjectId, displayName: p.displayName });
// Tuesday 5 May 2026 10:00 BST, then the view at 15:00: replies due Wednesday 6 May 15:00 BST.
const LOGGED = '2026-05-05T09:00:00.000Z';
const VIEW = '2026-05-05T14:00:00.000Z';
const DUE = '2026-05-06T14:00:00.000Z';

async function caseAwaitingReplies(prefix = uniquePrefix(), messenger = new RecordingMessenger()) {
  const clock = new TestClock(new Date(LOGGED));
  const s = await testServices({ prefix, clock, messenger });
  await s.cases.execute(
    CASE_REF,
    { type: 'LogReferral', actor: as(PEOPLE.business), referral: { caseRef: CASE_REF, referringAgency: 'Police', awareAt: '2026-05-05T08:00:00.000Z', harm: 'death', location: 'inArea', lookedAfter: false, documentUrl: DOCUMENT_URL } },
    new Date(LOGGED),
  );
  await s.cases.execute(CASE_REF, { type: 'GiveInitialView', actor: as(PEOPLE.chair), view: 'notify', rationale: 'Death with neglect suspected; criteria met.' }, new Date(VIEW));
  await s.cases.execute(CASE_REF, { type: 'ConcurInitialView', actor: as(PEOPLE.director) }, new Date(VIEW)); // the view is theirs together (002 step 3)
  // The cards go out after each command is answered: wait until they have.
  await s.effects.idle();
  return { s, prefix, clock, messenger };
}

describe('a case in Table Storage (Azurite)', () => {
  it('keeps every event across a restart: a new process reads the same history and state', async () => {
    const { prefix, clock } = await caseAwaitingReplies();
    const restarted = await testServices({ prefix, clock });
    const { events, state } = await restarted.store.load(CASE_REF);
    // The chair drafts, the director concurs (002 step 3), and the local authority agrees as co-author.
    expect(events.map((e) => e.type)).toEqual(['ReferralLogged', 'InitialViewProposed', 'InitialViewGiven', 'PartnerReplied', 'PartnerCardPosted']);
    expect(state?.stage).toBe('awaitingPartnerReplies');
  });

  it('sends the initial view requests and posts the partners\' card once each', async () => {
    const { messenger } = await caseAwaitingReplies();
    expect(messenger.sent.map((m) => m.to)).toEqual([PEOPLE.chair.aadObjectId, PEOPLE.director.aadObjectId, 'conv-decision']);
    // The chair's and director's cards now show who gave the view.
    expect(messenger.updates.map((u) => u.activityId).sort()).toEqual(['act-1', 'act-2']);
    expect(cardText(messenger.updates[0]!.card)).toContain('Casey Chair');
  });

  it('two replies racing on one case both survive', async () => {
    const { s, prefix, clock } = await caseAwaitingReplies();
    const other = await testServices({ prefix, clock });
    const when = new Date('2026-05-05T15:00:00.000Z');
    await Promise.all([
      s.cases.execute(CASE_REF, { type: 'ReplyAsPartner', actor: as(PEOPLE.police), reply: 'agree', rationale: 'Agreed on what is known.' }, when),
      other.cases.execute(CASE_REF, { type: 'ReplyAsPartner', actor: as(PEOPLE.health), reply: 'disagree', rationale: 'Not met on what we know.' }, when),
    ]);
    const { state, events } = await s.store.load(CASE_REF);
    expect(state?.positions.police.status).toBe('agreed');
    expect(state?.positions.health.status).toBe('disagreed');
    // With the local authority's agreement as co-author of the view.
    expect(events.filter((e) => e.type === 'PartnerReplied')).toHaveLength(3);
  });

  it('two sweeps racing in two processes produce one deemed agreement per partner and one decision message', async () => {
    const { s, prefix, clock } = await caseAwaitingReplies();
    const second = await testServices({ prefix, clock, messenger: s.messenger });
    const sentBefore = s.messenger.sent.length;
    await Promise.all([s.runSweep(new Date(DUE)), second.runSweep(new Date(DUE)), s.runSweep(new Date(DUE))]);
    const { events } = await s.store.load(CASE_REF);
    const deemed = events.filter((e) => e.type === 'AgreementDeemed').map((e) => (e.type === 'AgreementDeemed' ? e.partner : ''));
    // The local authority agreed as co-author of the view; the other two are deemed.
    expect(deemed.sort()).toEqual(['health', 'police']);
    expect(events.filter((e) => e.type === 'DecisionReached')).toHaveLength(1);
    const newMessages = s.messenger.sent.slice(sentBefore).map((m) => m.to);
    expect(newMessages.filter((to) => to === 'conv-monitoring')).toHaveLength(1);
    expect(newMessages.filter((to) => to === PEOPLE.scrutineer.aadObjectId)).toHaveLength(1);
  });

  it('a restart between the reply and the card update still updates the card, once', async () => {
    const { s, prefix, clock, messenger } = await caseAwaitingReplies();
    const updatesBefore = messenger.updates.length;
    messenger.down = true; // the process "dies" after the commit, before Teams hears of the reply
    const when = new Date('2026-05-05T15:00:00.000Z');
    const outcome = await s.cases.execute(CASE_REF, { type: 'ReplyAsPartner', actor: as(PEOPLE.police), reply: 'agree', rationale: 'Agreed.' }, when);
    expect(outcome.decision.ok).toBe(true);
    await s.effects.idle();
    expect(messenger.updates.length).toBe(updatesBefore);
    messenger.down = false;

    const restarted = await testServices({ prefix, clock, messenger });
    // The reply's commit wrote a recovery entry at least two minutes ahead, in a five-minute slot
    // (15:05); the sweep then performs the update.
    await restarted.runSweep(new Date('2026-05-05T15:05:00.000Z'));
    const partnerCardUpdates = messenger.updates.slice(updatesBefore).filter((u) => u.conversationId === 'conv-decision');
    expect(partnerCardUpdates).toHaveLength(1);
    expect(cardText(partnerCardUpdates[0]!.card)).toContain('Pat Police');
    await restarted.runSweep(new Date('2026-05-05T15:10:00.000Z'));
    expect(messenger.updates.slice(updatesBefore).filter((u) => u.conversationId === 'conv-decision')).toHaveLength(1);
  });

  it('a deadline falls due even when the process that set it has gone: the sweep of a fresh process deems agreement', async () => {
    const { prefix, clock, messenger } = await caseAwaitingReplies();
    const fresh = await testServices({ prefix, clock, messenger });
    const early = await fresh.runSweep(new Date('2026-05-06T13:59:00.000Z'));
    expect(early.changed).toBe(1); // the half-time reminder
    const result = await fresh.runSweep(new Date(DUE));
    expect(result.changed).toBe(1);
    const { state } = await fresh.store.load(CASE_REF);
    expect(state?.decision?.decision).toBe('notify');
  });

  it('deems nobody while the partners\' card cannot be posted, and posts it (starting the window) once it can', async () => {
    const messenger = new RecordingMessenger();
    messenger.unreachable.add('conv-decision'); // the app is not (yet) in the partners' channel
    const { s, prefix, clock } = await caseAwaitingReplies(uniquePrefix(), messenger);
    // The chair's and director's cards were still sent and updated: one unreachable place holds up nothing else.
    expect(messenger.sent.map((m) => m.to)).toEqual([PEOPLE.chair.aadObjectId, PEOPLE.director.aadObjectId]);
    expect(messenger.updates).toHaveLength(2);
    await s.runSweep(new Date('2026-05-07T14:00:00.000Z'));
    let { state } = await s.store.load(CASE_REF);
    expect(state?.stage).toBe('awaitingPartnerReplies');
    expect(state?.initialView?.repliesDueAt).toBeUndefined();
    // After the third failed attempt the business unit is told, once, in the monitoring channel.
    const alerts = () => messenger.sent.filter((m) => m.to === 'conv-monitoring' && cardText(m.card).includes('could not be delivered'));
    expect(alerts()).toHaveLength(0);
    await s.runSweep(new Date('2026-05-07T14:02:00.000Z'));
    await s.runSweep(new Date('2026-05-07T14:04:00.000Z'));
    expect(alerts()).toHaveLength(1);
    expect(cardText(alerts()[0]!.card)).toContain("the partners' decision card to SIN partner decisions");

    messenger.unreachable.clear(); // the app is added to the channel
    const restarted = await testServices({ prefix, clock, messenger });
    await restarted.runSweep(new Date('2026-05-07T15:00:00.000Z'));
    ({ state } = await s.store.load(CASE_REF));
    expect(messenger.sent.filter((m) => m.to === 'conv-decision')).toHaveLength(1);
    expect(state?.initialView?.repliesDueAt).toBe('2026-05-08T15:00:00.000Z'); // 1 WD from the posting
  });

  it('one person the bot cannot reach does not stop the others\' cards', async () => {
    const messenger = new RecordingMessenger();
    messenger.unreachable.add(PEOPLE.chair.aadObjectId);
    const { s } = await caseAwaitingReplies(uniquePrefix(), messenger);
    expect(messenger.sent.map((m) => m.to)).toEqual([PEOPLE.director.aadObjectId, 'conv-decision']);
    await s.runSweep(new Date(DUE));
    expect(messenger.sent.map((m) => m.to)).toContain('conv-monitoring');
  });

  it('a reply committed while another reply\'s card update is in flight still shows on the card', async () => {
    const messenger = new RecordingMessenger();
    const { s, prefix, clock } = await caseAwaitingReplies(uniquePrefix(), messenger);
    const other = await testServices({ prefix, clock, messenger });
    const when = new Date('2026-05-05T15:00:00.000Z');
    let raced = false;
    // Health's reply lands (and is refreshed) between the police reply's render and its card updates.
    messenger.beforeUpdate = async () => {
      if (raced) return;
      raced = true;
      await other.cases.execute(CASE_REF, { type: 'ReplyAsPartner', actor: as(PEOPLE.health), reply: 'disagree', rationale: 'Not met on what we know.' }, when);
    };
    await s.cases.execute(CASE_REF, { type: 'ReplyAsPartner', actor: as(PEOPLE.police), reply: 'agree', rationale: 'Agreed on what is known.' }, when);
    await Promise.all([s.effects.idle(), other.effects.idle()]);
    const last = messenger.updates.filter((u) => u.conversationId === 'conv-decision').at(-1);
    expect(cardText(last!.card)).toContain('Pat Police');
    expect(cardText(last!.card)).toContain('Harper Health');
  });

  it('sends no card update that would show exactly what the message already shows', async () => {
    const { s, messenger } = await caseAwaitingReplies();
    const at = new Date('2026-05-05T15:00:00.000Z');
    await s.cases.execute(CASE_REF, { type: 'ReplyAsPartner', actor: as(PEOPLE.health), reply: 'agree', rationale: 'Agreed on what is known.' }, at);
    await s.effects.idle();
    const before = messenger.updates.length;
    // Health changing its reply, at the same instant, changes the partners' card and nothing on the
    // chair's or the director's 1:1 request: only the partners' card is sent. (The police are still
    // silent, so no dispute opens.)
    await s.cases.execute(CASE_REF, { type: 'ReplyAsPartner', actor: as(PEOPLE.health), reply: 'disagree', rationale: 'Not met on what we know.' }, at);
    await s.effects.idle();
    const updates = messenger.updates.slice(before);
    expect(updates.map((u) => u.conversationId)).toEqual(['conv-decision']);
    expect(cardText(updates[0]!.card)).toContain('Harper Health');
  });

  it('a refused command writes nothing', async () => {
    const { s } = await caseAwaitingReplies();
    const before = (await s.store.load(CASE_REF)).events.length;
    const outcome = await s.cases.execute(CASE_REF, { type: 'ReplyAsPartner', actor: as(PEOPLE.business), reply: 'agree', rationale: 'Agreed on what is known.' }, new Date('2026-05-05T15:00:00.000Z'));
    expect(outcome.decision.ok).toBe(false);
    expect((await s.store.load(CASE_REF)).events.length).toBe(before);
  });
});
