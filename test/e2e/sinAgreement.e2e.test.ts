import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalHost } from '../../local/host.js';
import { LocalClock } from '../../local/localClock.js';
import type { PlaygroundClient } from '../support/playgroundClient.js';
import { BOT, DECISIONS, MONITORING, PERSONAL, startPlaygroundStack, USERS, type PlaygroundStack } from '../support/playgroundStack.js';
import { cardText } from '../support/recordingMessenger.js';

/**
 * End to end with the Microsoft 365 Agents Playground as the Teams client, started by the test,
 * against the product's real handlers, real storage (Azurite) and the sample partnership:
 * log a referral, give the initial view, one partner agrees, one disagrees then agrees, the third
 * says nothing; the clock moves past the deadline; the sweep deems the third; the decision card
 * reaches the monitoring channel.
 */

const started = Date.now();
// Tuesday 5 May 2026, 10:00 BST, moving on in real time.
const clock = new LocalClock(() => Date.parse('2026-05-05T09:00:00.000Z') + (Date.now() - started));
let stack: PlaygroundStack;
let host: LocalHost;
let client: PlaygroundClient;

beforeAll(async () => {
  stack = await startPlaygroundStack({ clock });
  ({ host, client } = stack);
}, 90_000);

afterAll(async () => {
  await stack?.close();
});

describe('SIN agreement in the Agents Playground', () => {
  it('runs from referral to a decision reached by agreement, one of it deemed from silence', async () => {
    // 1. The business unit asks for the form in the monitoring channel, and submits it.
    await client.say(MONITORING, 'new referral', BOT);
    const form = await client.waitForCard((f, json) => f.actionConversationId.startsWith(MONITORING) && json.includes('"verb":"referral.submit"'));
    const logged = await client.click({
      fromId: USERS.alex,
      conversationId: form.actionConversationId,
      replyToId: form.message!.messageId,
      verb: 'referral.submit',
      data: { caseRef: 'RR-2026-014', referringAgency: 'Police', awareDate: '2026-05-05', awareTime: '08:30', harm: 'seriousHarm', location: 'inArea', lookedAfter: 'false', abuseOrNeglect: 'suspected', documentUrl: 'https://sample-partnership.sharepoint.com/sites/sin/RR-2026-014/referral.docx' },
    });
    expect(logged.status).toBe(200);
    expect(cardText(logged.card)).toContain('RR-2026-014');
    expect(cardText(logged.card)).toContain('10:00 on Wednesday 6 May');

    // 2. The review group chair (Alex, in the sample) gets the 1:1 card and drafts the initial view;
    // the children's services director (Adele) concurs: the view is theirs together (002 step 3).
    const request = await client.waitForCard((f, json) => f.actionConversationId === PERSONAL && json.includes('"verb":"initialView.submit"'));
    const view = await client.click({ fromId: USERS.alex, conversationId: PERSONAL, replyToId: request.message!.messageId, verb: 'initialView.submit', data: { caseRef: 'RR-2026-014', view: 'notify', rationale: 'Serious harm with neglect suspected; the criteria are met.' } });
    expect(cardText(view.card)).toContain('Your draft is recorded');
    // The Playground has only the current user's (Alex's) 1:1 chat, so Adele concurs from the monitoring
    // channel: the verb names the case, and who acts comes from the activity.
    const concurred = await client.click({ fromId: USERS.adele, conversationId: form.actionConversationId, replyToId: form.message!.messageId, verb: 'initialView.concur', data: { caseRef: 'RR-2026-014' } });
    expect(cardText(concurred.card)).toContain('You concurred');

    // 3. One card for the partners in their group chat; the local authority agreed as co-author of the view,
    // health disagree then agree (each with a rationale), the police are silent.
    const partnersCard = await client.waitForCard((f, json) => f.actionConversationId === DECISIONS && f.action === 'createMessage' && json.includes('"verb":"partner.agree"'));
    const onCard = { conversationId: DECISIONS, replyToId: partnersCard.message!.messageId };
    expect(cardText((await client.click({ ...onCard, fromId: USERS.patti, verb: 'partner.disagree', data: { caseRef: 'RR-2026-014', rationale: 'Not met on what we know today.' } })).card)).toContain('Recorded: Health (ICB) disagrees.');
    expect(cardText((await client.click({ ...onCard, fromId: USERS.patti, verb: 'partner.agree', data: { caseRef: 'RR-2026-014' } })).card)).toContain('Please give a rationale.');
    expect(cardText((await client.click({ ...onCard, fromId: USERS.patti, verb: 'partner.agree', data: { caseRef: 'RR-2026-014', comment: 'Agree, having seen the chronology.' } })).card)).toContain('Recorded: Health (ICB) agrees.');
    // Someone who is not a partner's representative cannot reply for anyone.
    expect(cardText((await client.click({ ...onCard, fromId: USERS.alex, verb: 'partner.disagree', data: { caseRef: 'RR-2026-014', rationale: 'No.' } })).card)).toContain("not on the partnership's roster for any partner");

    // The card is updated in place for everyone: replies that come in a burst are shown together,
    // and the last update shows every reply as it now stands.
    const updates = () => client.frames.filter((f) => f.action === 'updateMessage' && f.message?.messageId === partnersCard.message!.messageId);
    const lastUpdate = () => cardText(updates().at(-1)?.message?.attachments?.[0]?.content);
    // Waits for the update that shows health's second reply: on a loaded machine the update for its
    // first (a disagreement) may be the latest for a while, and is not what this asserts.
    await expect.poll(lastUpdate, { timeout: 30_000 }).toMatch(/Health \(ICB\)\*\*: Agreed, by Patti Fernandez/);
    expect(lastUpdate()).toContain('Adele Vance');
    expect(lastUpdate()).not.toContain('Not met on what we know today.');

    // 4. The clock passes the deadline; the sweep deems the police's agreement; the decision reaches the monitoring channel.
    const moved = await fetch(`${host.url}/api/local/clock`, { method: 'POST', body: JSON.stringify({ advanceMs: 26 * 3_600_000 }) });
    expect(moved.status).toBe(200);
    const decision = await client.waitForCard((f, json) => f.action === 'createMessage' && f.actionConversationId === MONITORING && json.includes('Decision'), 15_000);
    const decisionText = cardText(decision.message!.attachments![0]!.content);
    expect(decisionText).toContain('RR-2026-014');
    expect(decisionText).toMatch(/notify the Panel/i);
    expect(decisionText).toMatch(/deemed/i);
    await expect.poll(() => cardText(updates().at(-1)?.message?.attachments?.[0]?.content), { timeout: 10_000 }).toMatch(/Agreement deemed: no response by 10:00 on Wednesday 6 May/);

    // The history is in storage: who said what, and which agreement was deemed. (The clock jumped past
    // the half-time reminder, so none was sent: a reminder after the deadline would be noise.)
    const { events } = await host.services.store.load('RR-2026-014');
    expect(events.map((e) => e.type)).toEqual(['ReferralLogged', 'InitialViewProposed', 'InitialViewGiven', 'PartnerReplied', 'PartnerCardPosted', 'PartnerReplied', 'PartnerReplied', 'AgreementDeemed', 'DecisionReached']);

    // The scrutineer and the local authority representative were told 1:1 (the Playground creates
    // those chats but shows only the current user's), and no effect is left undone.
    const scrutineerChat = await host.services.conversations.personalConversation('00000000-0000-0000-0000-0000000000025');
    expect(scrutineerChat).toBeDefined();
    const toScrutineer = client.logs.map((l) => JSON.stringify(l)).filter((l) => l.includes(`/v3/conversations/${scrutineerChat!.conversationId}/activities`) || l.includes(`"conversationId":"${scrutineerChat!.conversationId}"`));
    expect(toScrutineer.some((l) => l.includes('RR-2026-014') && /Decision/.test(l))).toBe(true);
    expect(await host.services.conversations.personalConversation('00000000-0000-0000-0000-0000000000022')).toBeDefined();
    expect((await host.services.outbox.pending('RR-2026-014')).effects).toEqual([]);
  }, 120_000);
});
