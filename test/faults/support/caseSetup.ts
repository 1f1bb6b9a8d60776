import { expect } from 'vitest';
import { cardActionActivity, messageActivity, type ActivityOptions } from '../../support/activities.js';
import { CASE_REF, DOCUMENT_URL, PEOPLE } from '../../support/sampleConfig.js';
import type { Person } from '../../../workflow/partnership.js';

/**
 * Waits until a local host says the cards for clicks already answered are out. Its route waits a
 * bounded time and answers 503 if they are still going; on a loaded machine that is no failure,
 * so this asks again, up to a generous minute, and says whether it settled.
 */
export async function hostSettled(hostUrl: string, timeoutMs = 60_000): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if ((await fetch(`${hostUrl}/api/local/settled`)).status === 200) return true;
    if (Date.now() >= deadline) return false;
  }
}

/** Drives a host over HTTP as Teams would: installs, the referral, the initial view, replies. */
export function teamsDriver(hostUrl: () => string, serviceUrl: string) {
  const at = (conversationId: string, from: Person, extra: Partial<ActivityOptions> = {}): ActivityOptions => ({ from, conversationId, serviceUrl, ...extra });
  async function post(body: unknown): Promise<{ status: number; body: { type?: string; value?: unknown; error?: string } | undefined }> {
    const response = await fetch(`${hostUrl()}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    const text = await response.text();
    return { status: response.status, body: text ? (JSON.parse(text) as { type?: string; value?: unknown }) : undefined };
  }
  const click = (from: Person, verb: string, data: Record<string, unknown>, conversationId = 'conv-decision', extra: Partial<ActivityOptions> = {}) =>
    post(cardActionActivity(at(conversationId, from, extra), verb, data));
  return {
    post,
    click,
    say: (from: Person, text: string, conversationId = 'conv-monitoring') => post(messageActivity(at(conversationId, from), text)),
    /** The bot is added to the monitoring channel and the partners' channel (Teams tells it so). */
    async install() {
      expect((await post(messageActivity(at('conv-monitoring', PEOPLE.business), 'help'))).status).toBe(200);
      expect((await post(messageActivity(at('conv-decision', PEOPLE.police), 'help'))).status).toBe(200);
    },
    /** Referral logged at the host's clock and the chair's "notify": the partners' card is posted. */
    async caseAwaitingReplies(caseRef = CASE_REF) {
      const referral = { caseRef, referringAgency: 'Police', awareDate: '2026-05-05', awareTime: '08:30', harm: 'death', location: 'inArea', lookedAfter: 'false', abuseOrNeglect: 'suspected', documentUrl: DOCUMENT_URL.replaceAll(CASE_REF, caseRef) };
      expect((await click(PEOPLE.business, 'referral.submit', referral, 'conv-monitoring')).status).toBe(200);
      const view = await click(PEOPLE.chair, 'initialView.submit', { caseRef, view: 'notify', rationale: 'Death with neglect suspected; criteria met.' }, 'personal-chair', { conversationType: 'personal' });
      expect(view.status).toBe(200);
      // The view is the chair's and the director's together (002 step 3): the partners' card goes once the director concurs.
      expect((await click(PEOPLE.director, 'initialView.concur', { caseRef }, 'personal-director', { conversationType: 'personal' })).status).toBe(200);
      // The partners' card (which starts their window) is posted after the view is answered.
      await this.settled();
    },
    /** Waits until the cards for clicks already answered are out (the local host's own route). */
    async settled() {
      expect(await hostSettled(hostUrl())).toBe(true);
    },
  };
}
