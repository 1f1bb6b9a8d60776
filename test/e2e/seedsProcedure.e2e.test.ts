import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { ScheduleInformation } from '@microsoft/microsoft-graph-types';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalHost } from '../../local/host.js';
import { LocalClock } from '../../local/localClock.js';
import { fakeOrganiserCalendar, ORGANISER, ORGANISER_PATH, testClient } from '../graph/graphTestKit.js';
import type { ConversationFrame, PlaygroundClient } from '../support/playgroundClient.js';
import { BOT, DECISIONS, MONITORING, PERSONAL, ROOT, startPlaygroundStack, USERS, type PlaygroundStack } from '../support/playgroundStack.js';
import { cardText } from '../support/recordingMessenger.js';

/**
 * Issue 14 end to end: the procedure as the partnership's documents say it is, in the Agents
 * Playground with the sample partnership, the real handlers and storage, and the real Graph client
 * with its requests intercepted (msw). The chair drafts the initial view and the director concurs
 * (002 step 3); every partner reply carries a rationale; a dispute is resolved at stage 1 with no
 * stage 2; the rapid review invites the domestic abuse service to the meeting (001); the three
 * partners decide on a local review (002 6); the chair approves and the business unit is prompted
 * to send it (002 Section B).
 */

const CASE = 'RR-2026-077';
const started = Date.now();
// Tuesday 5 May 2026, 10:00 BST, moving on in real time.
const clock = new LocalClock(() => Date.parse('2026-05-05T09:00:00.000Z') + (Date.now() - started));
let stack: PlaygroundStack;
let host: LocalHost;
let client: PlaygroundClient;
const graph = setupServer();
const calendar = fakeOrganiserCalendar();

beforeAll(async () => {
  graph.use(
    http.post(`${ORGANISER_PATH}/calendar/getSchedule`, async ({ request }) => {
      const body = (await request.json()) as { schedules: string[] };
      const value: ScheduleInformation[] = body.schedules.map((email) => ({ scheduleId: email, availabilityView: '0'.repeat(200) }));
      return HttpResponse.json({ value });
    }),
    calendar.handler,
  );
  // Only Graph is intercepted; the Playground, Azurite and the bot talk over loopback as usual.
  graph.listen({ onUnhandledRequest: 'bypass' });
  const sample = JSON.parse(await readFile(resolve(ROOT, 'config/sample-partnership.json'), 'utf8')) as Record<string, unknown>;
  const configPath = join(await mkdtemp(join(tmpdir(), 'partnership-')), 'partnership.json');
  await writeFile(configPath, JSON.stringify({ ...sample, meetings: { organiserUpn: ORGANISER } }));
  stack = await startPlaygroundStack({ clock, configPath, graphClient: testClient().client });
  ({ host, client } = stack);
}, 90_000);

afterAll(async () => {
  await stack?.close();
  graph.close();
});

/** A card posted in a channel starts a thread; clicks on it come from that thread. */
const threadOf = (frame: ConversationFrame) => frame.message?.postConversationId ?? frame.actionConversationId;
const textOf = (frame: ConversationFrame) => cardText(frame.message!.attachments![0]!.content);

/** A 1:1 card the Playground does not show (another user's chat): found through the bot's own record of it. */
async function trackedCard(kind: string) {
  // Cards go out after the click that caused them is answered.
  await host.services.effects.idle();
  const card = (await host.services.outbox.trackedCards(CASE)).find((c) => c.card.includes(`"kind":"${kind}"`));
  if (!card) throw new Error(`no tracked ${kind} card`);
  return { conversationId: card.conversationId, replyToId: card.activityId };
}

describe("the partnership's procedure end to end, in the Agents Playground", () => {
  it('runs a case through the joint initial view, a dispute resolved at stage 1, a rapid review with the domestic abuse service invited, the partners’ LCSPR decision and the chair’s approval', async () => {
    // 1. The business unit logs the referral in the monitoring channel: abuse or neglect suspected.
    await client.say(MONITORING, 'new referral', BOT);
    const form = await client.waitForCard((f, json) => f.actionConversationId.startsWith(MONITORING) && json.includes('"verb":"referral.submit"'));
    const logged = await client.click({
      fromId: USERS.alex,
      conversationId: form.actionConversationId,
      replyToId: form.message!.messageId,
      verb: 'referral.submit',
      data: { caseRef: CASE, referringAgency: 'Police', awareDate: '2026-05-05', awareTime: '08:30', harm: 'seriousHarm', location: 'inArea', lookedAfter: 'false', abuseOrNeglect: 'suspected', documentUrl: `https://sample-partnership.sharepoint.com/sites/sin/${CASE}/referral.docx` },
    });
    expect(logged.status).toBe(200);
    expect(cardText(logged.card)).toContain(CASE);

    // 2. The joint initial view (002 step 3): the review group chair (Alex) drafts it in his 1:1 chat...
    const request = await client.waitForCard((f, json) => f.actionConversationId === PERSONAL && json.includes('"verb":"initialView.submit"') && json.includes(CASE));
    const drafted = await client.click({ fromId: USERS.alex, conversationId: PERSONAL, replyToId: request.message!.messageId, verb: 'initialView.submit', data: { caseRef: CASE, view: 'notify', rationale: 'Serious harm with neglect and domestic abuse suspected; the criteria are met.' } });
    expect(cardText(drafted.card)).toContain('Your draft is recorded');
    // ...and no card reaches the partners on the chair's draft alone.
    await host.services.effects.idle();
    const partnersCardPosted = () => client.frames.some((f) => f.actionConversationId === DECISIONS && f.action === 'createMessage' && JSON.stringify(f.message?.attachments?.[0]?.content ?? '').includes('"verb":"partner.agree"'));
    expect(partnersCardPosted()).toBe(false);
    // The children's services director (Adele) concurs: only now is the partners' card posted.
    // She answers on her own card in her 1:1 chat (the Playground shows only the current user's, so it is found through the bot's record of it).
    const adeleCard = (await host.services.outbox.trackedCards(CASE)).find((c) => c.card.includes('"kind":"initialViewRequest"') && c.conversationId !== PERSONAL);
    expect(adeleCard).toBeDefined();
    const concurred = await client.click({ fromId: USERS.adele, conversationId: adeleCard!.conversationId, replyToId: adeleCard!.activityId, verb: 'initialView.concur', data: { caseRef: CASE } });
    expect(cardText(concurred.card)).toContain('You concurred');
    const partnersCard = await client.waitForCard((f, json) => f.actionConversationId === DECISIONS && f.action === 'createMessage' && json.includes('"verb":"partner.agree"') && json.includes(CASE));

    // 3. Health agree with a rationale; the police disagree with theirs: a dispute at stage 1, booked through Graph.
    const on = { conversationId: DECISIONS, replyToId: partnersCard.message!.messageId };
    expect(cardText((await client.click({ ...on, fromId: USERS.patti, verb: 'partner.agree', data: { caseRef: CASE, comment: 'Agreed: the criteria are met on the chronology.' } })).card)).toContain('Recorded: Health (ICB) agrees.');
    expect(cardText((await client.click({ ...on, fromId: USERS.isaiah, verb: 'partner.disagree', data: { caseRef: CASE, rationale: 'We do not suspect abuse or neglect on what we know.' } })).card)).toContain('disagrees');
    const stage1 = await client.waitForCard((f, json) => f.action === 'createMessage' && f.actionConversationId === MONITORING && json.includes('Join the meeting') && json.includes(CASE));
    expect(textOf(stage1)).toContain('Isaiah Langer');
    expect(calendar.events.size).toBe(1);

    // Once the meeting has been held (11:00), the review group chair records its outcome: agreed, notify, with the rationale.
    expect((await fetch(`${host.url}/api/local/clock`, { method: 'POST', body: JSON.stringify({ to: '2026-05-05T10:00:00.000Z' }) })).status).toBe(200);
    const outcomeCard = await client.waitForCard((f, json) => f.actionConversationId === PERSONAL && json.includes('"verb":"dispute.outcome"') && json.includes(CASE));
    const resolved = await client.click({ fromId: USERS.alex, conversationId: PERSONAL, replyToId: outcomeCard.message!.messageId, verb: 'dispute.outcome', data: { caseRef: CASE, outcome: 'agreedNotify', rationale: 'The police agreed at the meeting once the health chronology was shared.' } });
    expect(resolved.status).toBe(200);
    const decision = await client.waitForCard((f, json) => f.action === 'createMessage' && f.actionConversationId === MONITORING && json.includes('Decision') && json.includes(CASE) && !json.includes('Join the meeting'));
    expect(textOf(decision)).toMatch(/Decision: \*\*notify the Panel\*\*/);
    expect(textOf(decision)).toContain("Agreed at the partners' meeting");
    // Resolved at stage 1: nothing escalated, no second meeting booked.
    await host.services.effects.idle();
    expect(calendar.events.size).toBe(1);
    const afterDispute = await host.services.store.load(CASE);
    expect(afterDispute.events.map((e) => e.type)).not.toContain('DisputeEscalated');
    expect(afterDispute.state).toMatchObject({ stage: 'awaitingPanelNotification', decision: { decision: 'notify' } });

    // 4. The local authority confirms the Panel notification; the set-up card reaches the monitoring channel.
    const panel = await trackedCard('panelNotificationRequest');
    const confirmed = await client.click({ ...panel, fromId: USERS.adele, verb: 'panel.confirm', data: { caseRef: CASE, sentDate: '2026-05-05', sentTime: '10:00', panelReference: 'CSPRP-2026-0177' } });
    expect(cardText(confirmed.card)).toContain('recorded');
    const setupCard = await client.waitForCard((f, json) => f.actionConversationId === MONITORING && json.includes('"verb":"review.setup"') && json.includes(CASE));
    // Domestic abuse is identified: the specialist service is asked and invited to the meeting (001). Meeting Tuesday 19 May 10:00.
    const setUp = await client.click({ fromId: USERS.alex, conversationId: threadOf(setupCard), replyToId: setupCard.message!.messageId, verb: 'review.setup', data: { caseRef: CASE, meetingDate: '2026-05-19', meetingTime: '10:00', agencies: 'probation', returnsDate: '', includeDomesticAbuse: 'true' } });
    expect(cardText(setUp.card)).toContain('Rapid review set up: 7 agencies asked');
    expect(cardText(setUp.card)).toContain('Specialist domestic abuse service invited to take part in the meeting');

    // The service's contact (Megan Bowen) gets an invitation to the meeting in her 1:1 chat, not only a scoping
    // request: the Playground creates that chat but shows only the current user's, so it is found in its log.
    await host.services.effects.idle();
    const meganChat = await host.services.conversations.personalConversation('00000000-0000-0000-0000-0000000000021');
    expect(meganChat).toBeDefined();
    const toMegan = () => client.logs.map((l) => JSON.stringify(l)).filter((l) => l.includes(`/v3/conversations/${meganChat!.conversationId}/activities`) || l.includes(`"conversationId":"${meganChat!.conversationId}"`));
    await expect.poll(() => toMegan().some((l) => l.includes(CASE) && l.includes('is invited to take part in the rapid review meeting')), { timeout: 15_000 }).toBe(true);
    expect(toMegan().some((l) => l.includes(CASE) && l.includes('Specialist domestic abuse service') && l.includes('scoping.return'))).toBe(true);

    // 5. After the meeting (Tuesday 19 May 11:30), the chair records it: all three partners attended, an LCSPR recommended.
    const moved = await fetch(`${host.url}/api/local/clock`, { method: 'POST', body: JSON.stringify({ to: '2026-05-19T10:30:00.000Z' }) });
    expect(moved.status).toBe(200);
    const meetingCard = await client.waitForCard((f, json) => f.actionConversationId === PERSONAL && json.includes('"verb":"review.outcome"') && json.includes(CASE));
    const recorded = await client.click({
      fromId: USERS.alex,
      conversationId: PERSONAL,
      replyToId: meetingCard.message!.messageId,
      verb: 'review.outcome',
      data: { caseRef: CASE, attended: 'localAuthority,police,health', invitedAttended: 'domestic-abuse', lcsprRecommended: 'yes', rationale: 'Agencies did not share what they knew of the domestic abuse.', linesOfEnquiry: 'Information sharing between police and health on domestic abuse.' },
    });
    expect(cardText(recorded.card)).toContain('Recorded: a quorate meeting recommending an LCSPR');

    // 6. The three partners agree, each with a comment, on the LCSPR card in their group chat: the decision is theirs.
    const lcsprCard = await client.waitForCard((f, json) => f.actionConversationId === DECISIONS && f.action === 'createMessage' && json.includes('"verb":"lcspr.agree"') && json.includes(CASE));
    const onLcspr = { conversationId: DECISIONS, replyToId: lcsprCard.message!.messageId };
    const replies = [];
    for (const fromId of [USERS.adele, USERS.isaiah, USERS.patti]) replies.push(cardText((await client.click({ ...onLcspr, fromId, verb: 'lcspr.agree', data: { caseRef: CASE, comment: 'Agree: an LCSPR will help us learn.' } })).card));
    expect(replies[0]).toContain("Recorded: Local authority children's services agrees with the review group's recommendation.");
    expect(replies[2]).toContain('All three partners agree: the decision is recorded and the scrutineer is informed.');
    await client.waitForCard((f, json) => f.action === 'createMessage' && f.actionConversationId === MONITORING && json.includes(CASE) && json.includes('Decision on a local review (LCSPR)'));

    // 7. The chair approves the rapid review; the business unit is prompted to send it.
    const approvalCard = await client.waitForCard((f, json) => f.actionConversationId === PERSONAL && f.action === 'createMessage' && json.includes('"verb":"review.approve"') && json.includes(CASE));
    const approved = await client.click({ fromId: USERS.alex, conversationId: PERSONAL, replyToId: approvalCard.message!.messageId, verb: 'review.approve', data: { caseRef: CASE } });
    expect(cardText(approved.card)).toContain('Approved.');
    const prompt = await client.waitForCard((f, json) => f.action === 'createMessage' && f.actionConversationId === MONITORING && json.includes('"verb":"review.sent"') && json.includes(CASE));
    expect(textOf(prompt)).toContain('Please send it to the Child Safeguarding Practice Review Panel and Ofsted, and the LCSPR decision to DfE');

    await host.services.effects.idle();
    const { events } = await host.services.store.load(CASE);
    expect(events.filter((e) => e.type === 'LcsprDecided')).toHaveLength(1);
    expect(events.some((e) => e.type === 'RapidReviewApproved')).toBe(true);
    expect((await host.services.outbox.pending(CASE)).effects).toEqual([]);
  }, 180_000);
});
