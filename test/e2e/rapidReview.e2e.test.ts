import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalHost } from '../../local/host.js';
import { LocalClock } from '../../local/localClock.js';
import type { ConversationFrame, PlaygroundClient } from '../support/playgroundClient.js';
import { BOT, DECISIONS, MONITORING, PERSONAL, startPlaygroundStack, USERS, type PlaygroundStack } from '../support/playgroundStack.js';
import { cardText } from '../support/recordingMessenger.js';

/**
 * Issue 4 end to end in the Agents Playground with the sample partnership: confirm the Panel
 * notification, set up the rapid review with three agencies; one returns, one says no
 * involvement, one asks for more time and is granted it; the clock moves until the third is
 * overdue; the chasers go out and the status board shows it all.
 */

const CASE = 'RR-2026-044';
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

/** A card posted in a channel starts a thread; clicks on it come from that thread. */
const threadOf = (frame: ConversationFrame) => frame.message?.postConversationId ?? frame.actionConversationId;

/** A 1:1 card the Playground does not show (another user's chat): found through the bot's own record of it. */
async function trackedCard(kind: string, extra = '') {
  // Cards go out after the click that caused them is answered.
  await host.services.effects.idle();
  const cards = await host.services.outbox.trackedCards(CASE);
  const card = cards.find((c) => c.card.includes(`"kind":"${kind}"`) && c.card.includes(extra));
  if (!card) throw new Error(`no tracked ${kind} card`);
  return { conversationId: card.conversationId, replyToId: card.activityId };
}

describe('a rapid review in the Agents Playground', () => {
  it('requests, returns, a nil return, an agreed extension, an overdue chaser and the status board', async () => {
    // A notify decision: referral, initial view, all three partners agree.
    await client.say(MONITORING, 'new referral', BOT);
    const form = await client.waitForCard((f, json) => f.actionConversationId.startsWith(MONITORING) && json.includes('"verb":"referral.submit"'));
    await client.click({ fromId: USERS.alex, conversationId: form.actionConversationId, replyToId: form.message!.messageId, verb: 'referral.submit', data: { caseRef: CASE, referringAgency: 'Police', awareDate: '2026-05-05', awareTime: '08:30', harm: 'seriousHarm', location: 'inArea', lookedAfter: 'false', abuseOrNeglect: 'suspected', documentUrl: `https://sample-partnership.sharepoint.com/sites/sin/${CASE}/referral.docx` } });
    const request = await client.waitForCard((f, json) => f.actionConversationId === PERSONAL && json.includes('"verb":"initialView.submit"') && json.includes(CASE));
    await client.click({ fromId: USERS.alex, conversationId: PERSONAL, replyToId: request.message!.messageId, verb: 'initialView.submit', data: { caseRef: CASE, view: 'notify', rationale: 'Serious harm; neglect suspected.' } });
    // The view is the chair's and the director's together (002 step 3): Adele concurs, which records the local authority's agreement.
    // The Playground has only the current user's (Alex's) 1:1 chat, so Adele concurs from the monitoring
    // channel: the verb names the case, and who acts comes from the activity.
    await client.click({ fromId: USERS.adele, conversationId: form.actionConversationId, replyToId: form.message!.messageId, verb: 'initialView.concur', data: { caseRef: CASE } });
    const partners = await client.waitForCard((f, json) => f.actionConversationId === DECISIONS && f.action === 'createMessage' && json.includes('"verb":"partner.agree"') && json.includes(CASE));
    for (const fromId of [USERS.isaiah, USERS.patti]) await client.click({ conversationId: DECISIONS, replyToId: partners.message!.messageId, fromId, verb: 'partner.agree', data: { caseRef: CASE, comment: 'Agreed: the criteria are met.' } });

    // The local authority confirms the Panel notification: the rapid review opens.
    const panel = await trackedCard('panelNotificationRequest');
    await expect.poll(async () => (await host.services.store.load(CASE)).state?.stage).toBe('awaitingPanelNotification');
    const confirmed = await client.click({ ...panel, fromId: USERS.adele, verb: 'panel.confirm', data: { caseRef: CASE, sentDate: '2026-05-05', sentTime: '10:00', panelReference: 'CSPRP-2026-0123' } });
    expect(cardText(confirmed.card)).toContain('recorded');

    // The business unit sets it up in the monitoring channel: meeting Tuesday 19 May 10:00, three agencies.
    const setupCard = await client.waitForCard((f, json) => f.actionConversationId === MONITORING && json.includes('"verb":"review.setup"'));
    const setUp = await client.click({ fromId: USERS.alex, conversationId: threadOf(setupCard), replyToId: setupCard.message!.messageId, verb: 'review.setup', data: { caseRef: CASE, meetingDate: '2026-05-19', meetingTime: '10:00', agencies: 'education,gp,probation', returnsDate: '' } });
    // The review-group members are always asked too (002 Section B): children's services, police and health as well as education and the GP practices.
    expect(cardText(setUp.card)).toContain('Rapid review set up: 6 agencies asked, returns due by 17:00 on Monday 11 May');
    const board = await client.waitForCard((f, json) => f.actionConversationId === MONITORING && f.action === 'createMessage' && json.includes('GP practices') && json.includes('Probation Service') && !json.includes('"verb":"review.setup"'));

    // Education returns, probation had no involvement, the GP practices ask for more time and get it.
    const link = `https://sample-partnership.sharepoint.com/sites/sin/${CASE}/education-return.docx`;
    expect(cardText((await client.click({ ...(await trackedCard('scopingRequest', 'education')), fromId: USERS.megan, verb: 'scoping.return', data: { caseRef: CASE, agency: 'education', documentUrl: link } })).card)).toContain("Recorded: Education (schools)'s return");
    // Probation's scoping contact in the sample is Isaiah Langer (the scrutineer is no agency's contact).
    await client.click({ ...(await trackedCard('scopingRequest', 'probation')), fromId: USERS.isaiah, verb: 'scoping.noInvolvement', data: { caseRef: CASE, agency: 'probation' } });
    // Only an agency's contact can act for it.
    expect(cardText((await client.click({ ...(await trackedCard('scopingRequest', 'probation')), fromId: USERS.isaiah, verb: 'scoping.return', data: { caseRef: CASE, agency: 'gp', documentUrl: link } })).card)).toContain("Only the agency's scoping contact or a deputy");
    await client.click({ ...(await trackedCard('scopingRequest', 'gp')), fromId: USERS.patti, verb: 'scoping.extension', data: { caseRef: CASE, agency: 'gp', reason: 'Records are held off site.', proposedDate: '2026-05-13' } });
    const ask = await client.waitForCard((f, json) => f.actionConversationId === MONITORING && json.includes('"verb":"extension.decide"'));
    expect(cardText((await client.click({ fromId: USERS.alex, conversationId: threadOf(ask), replyToId: ask.message!.messageId, verb: 'extension.decide', data: { caseRef: CASE, agency: 'gp', decision: 'agree' } })).card)).toContain('17:00 on Wednesday 13 May');

    // Thursday 14 May 09:30: the GP return is overdue. Chasers go to the contact and the escalation
    // contact (Alex, whose chat the Playground shows), and the monitoring channel is told.
    const moved = await fetch(`${host.url}/api/local/clock`, { method: 'POST', body: JSON.stringify({ to: '2026-05-14T08:30:00.000Z' }) });
    expect(moved.status).toBe(200);
    const chaser = await client.waitForCard((f, json) => f.actionConversationId === PERSONAL && json.includes('GP practices') && /overdue/i.test(json));
    expect(cardText(chaser.message!.attachments![0]!.content)).toContain(CASE);
    await client.waitForCard((f, json) => f.action === 'createMessage' && f.actionConversationId === MONITORING && json.includes('GP practices') && /overdue/i.test(json) && !json.includes('Probation Service'));

    // The status board, updated in place, shows every agency's status.
    await expect
      .poll(() => cardText(client.frames.filter((f) => f.action === 'updateMessage' && f.message?.messageId === board.message!.messageId).at(-1)?.message?.attachments?.[0]?.content), { timeout: 15_000 })
      .toMatch(/Overdue by 1 working day/);
    const finalBoard = cardText(client.frames.filter((f) => f.action === 'updateMessage' && f.message?.messageId === board.message!.messageId).at(-1)!.message!.attachments![0]!.content);
    expect(finalBoard).toMatch(/Returned/);
    expect(finalBoard).toMatch(/No involvement/);
    const { events } = await host.services.store.load(CASE);
    expect(events.filter((e) => e.type === 'ScopingChased' && e.agency === 'gp' && e.chase === 'overdue')).toHaveLength(1);
    expect(events.some((e) => e.type === 'PapersPrompted')).toBe(true);
  }, 120_000);
});
