import functions from '@azure/functions';
import { beforeAll, describe, expect, it } from 'vitest';
import { withLiveRoster } from '../../functions/compositionRoot.js';
import { createRosterHandlers, FOLLOWED_UP } from '../../functions/rosterHandlers.js';
import { CONFLICT_WORDS } from '../../app/liveRoster.js';
import { mayDo } from '../../workflow/access.js';
import type { CommandActor } from '../../workflow/commands.js';
import type { Person, Roster } from '../../workflow/partnership.js';
import { CASE_REF, DOCUMENT_URL, PEOPLE } from '../support/sampleConfig.js';
import { RecordingMessenger, cardText } from '../support/recordingMessenger.js';
import { TestClock, testServices, uniquePrefix } from '../support/services.js';
import { count } from '../faults/support/tally.js';

/**
 * The roster as live data (issue 16), through the tab's roster API on the real services and
 * Azurite: a change is validated by the partnership file's schema, refused whole with its words,
 * kept with who, when and why, effective at once (in this process and in another one on the same
 * storage), and only the business unit keeps it; anyone records their own absence.
 */

const { HttpRequest } = functions;
const LOGGED = '2026-05-05T09:00:00.000Z';
const VIEW = '2026-05-05T14:00:00.000Z';
/** Past half-way through the partners' window (15:00 Tuesday to 15:00 Wednesday), before it closes. */
const REMINDER_SWEEP = '2026-05-06T13:59:00.000Z';
const NEW_DEPUTY: Person = { aadObjectId: 'aad-police-deputy-2', email: 'robin.new@partnership.example.org', displayName: 'Robin Newdeputy' };
const NOBODY = 'aad-nobody';
const as = (p: Person): CommandActor => ({ aadObjectId: p.aadObjectId, displayName: p.displayName });

function request(method: string, path: string, who: string | undefined, body?: unknown, params: Record<string, string> = {}) {
  return new HttpRequest({
    method,
    url: `http://127.0.0.1:3978${path}`,
    headers: { ...(who ? { 'x-local-user': who } : {}), ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
    params,
    ...(body !== undefined ? { body: { string: JSON.stringify(body) } } : {}),
  });
}

async function setUp() {
  const prefix = uniquePrefix();
  const clock = new TestClock(new Date(LOGGED));
  const messenger = new RecordingMessenger();
  const s = await testServices({ prefix, clock, messenger });
  const roster = createRosterHandlers(withLiveRoster(async () => s));
  const current = async () => (await roster.read(request('GET', '/api/tab/roster', PEOPLE.business.aadObjectId))).jsonBody as { version: number; roster: Roster };
  return { s, prefix, clock, messenger, roster, current };
}

const withPoliceDeputy = (r: Roster, deputy: Person): Roster => ({ ...r, partners: { ...r.partners, police: { ...r.partners.police, deputies: [deputy] } } });

describe('the roster kept by the business unit', () => {
  let t: Awaited<ReturnType<typeof setUp>>;
  beforeAll(async () => {
    t = await setUp();
  });

  it('starts as the partnership file: version 0, the file’s people', async () => {
    const { version, roster } = await t.current();
    expect(version).toBe(0);
    expect(roster.partners.police.deputies.map((d) => d.displayName)).toEqual(['Quinn Police']);
  });

  it('refuses a bad change with the schema’s words at the field, and stores nothing', async () => {
    const { version, roster } = await t.current();
    const bad = withPoliceDeputy(roster, { ...NEW_DEPUTY, email: 'not an address' });
    const response = await t.roster.change(request('PUT', '/api/tab/roster', PEOPLE.business.aadObjectId, { baseVersion: version, why: 'Quinn has moved on', roster: bad }));
    expect(response.status).toBe(400);
    const body = response.jsonBody as { error: string; issues: { path: (string | number)[]; message: string }[] };
    expect(body.issues).toContainEqual({ path: ['partners', 'police', 'deputies', 0, 'email'], message: 'Invalid email address' });
    expect((await t.current()).version).toBe(0);
    expect(await t.s.roster.history()).toEqual([]);
  });

  it('refuses a change without a reason', async () => {
    const { version, roster } = await t.current();
    const response = await t.roster.change(request('PUT', '/api/tab/roster', PEOPLE.business.aadObjectId, { baseVersion: version, why: '  ', roster: withPoliceDeputy(roster, NEW_DEPUTY) }));
    expect(response.status).toBe(400);
    expect(JSON.stringify(response.jsonBody)).toContain('say why the roster is changing');
    expect((await t.current()).version).toBe(0);
  });

  it('keeps a change with who, when and why; it is effective at once here and in another process on the same storage', async () => {
    const { version, roster } = await t.current();
    t.clock.set('2026-05-05T10:00:00.000Z');
    const response = await t.roster.change(request('PUT', '/api/tab/roster', PEOPLE.business.aadObjectId, { baseVersion: version, why: 'Quinn has moved on; Robin deputises for the police', roster: withPoliceDeputy(roster, NEW_DEPUTY) }));
    expect(response.status).toBe(200);
    expect(response.jsonBody).toEqual({ version: 1, cases: [], followUp: FOLLOWED_UP });
    // This process: the access policy reads the new roster.
    expect(mayDo(t.s.config, NEW_DEPUTY.aadObjectId, { type: 'ReplyAsPartner' }, undefined)).toBe(true);
    expect(mayDo(t.s.config, PEOPLE.policeDeputy.aadObjectId, { type: 'ReplyAsPartner' }, undefined)).toBe(false);
    // Another instance on the same tables sees it on its next request.
    const other = await testServices({ prefix: t.prefix, clock: t.clock });
    const live = await withLiveRoster(async () => other)();
    expect(live.config.partners.police.deputies.map((d) => d.displayName)).toEqual(['Robin Newdeputy']);
    // The history says who, when and why.
    const history = (await t.roster.history(request('GET', '/api/tab/roster/history', PEOPLE.business.aadObjectId))).jsonBody as { changes: unknown[] };
    expect(history.changes).toEqual([{ version: 1, at: '2026-05-05T10:00:00.000Z', by: { aadObjectId: PEOPLE.business.aadObjectId, displayName: 'Billie Business' }, why: 'Quinn has moved on; Robin deputises for the police' }]);
  });

  it('refuses a change based on an older version: someone changed the roster since it was opened', async () => {
    const response = await t.roster.change(request('PUT', '/api/tab/roster', PEOPLE.business.aadObjectId, { baseVersion: 0, why: 'An edit from a page opened earlier', roster: (await t.current()).roster }));
    expect(response.status).toBe(409);
    expect(response.jsonBody).toEqual({ error: CONFLICT_WORDS });
    expect(CONFLICT_WORDS).toMatch(/^Someone changed the roster since you opened it/);
    expect((await t.current()).version).toBe(1);
  });

  it('exports the history as CSV and JSON, and keeps who downloaded it', async () => {
    const csv = await t.roster.download(request('GET', '/api/tab/roster/history.csv', PEOPLE.business.aadObjectId, undefined, { format: 'csv' }));
    expect(csv.status).toBe(200);
    expect(String(csv.body).split('\r\n')[0]).toBe('version,at,by,why,roster,channels');
    expect(String(csv.body)).toContain('Robin Newdeputy');
    const json = await t.roster.download(request('GET', '/api/tab/roster/history.json', PEOPLE.business.aadObjectId, undefined, { format: 'json' }));
    expect(JSON.parse(String(json.body)).changes[0].roster.partners.police.deputies[0].displayName).toBe('Robin Newdeputy');
    const downloads = await t.s.roster.downloads();
    expect(downloads.map((d) => [d.by.displayName, d.format])).toEqual([
      ['Billie Business', 'csv'],
      ['Billie Business', 'json'],
    ]);
  });
});

describe('who may use the roster routes', () => {
  let t: Awaited<ReturnType<typeof setUp>>;
  beforeAll(async () => {
    t = await setUp();
  });
  const routes = {
    read: () => t.roster.read,
    change: () => t.roster.change,
    history: () => t.roster.history,
    download: () => t.roster.download,
  } as const;
  const people: [string, string | undefined, number][] = [
    ['nobody signed in', undefined, 401],
    ['someone off the roster', NOBODY, 403],
    ['a partner’s representative', PEOPLE.police.aadObjectId, 403],
    ['the review group chair (sees the tab, does not keep the roster)', PEOPLE.chair.aadObjectId, 403],
  ];
  for (const [route, handler] of Object.entries(routes)) {
    for (const [name, who, status] of people) {
      it(`${route}: ${name} is refused (${status}) and nothing changes`, async () => {
        const { version, roster } = await t.current();
        const response = await handler()(request(route === 'change' ? 'PUT' : 'GET', '/api/tab/roster', who, route === 'change' ? { baseVersion: version, why: 'trying', roster: withPoliceDeputy(roster, NEW_DEPUTY) } : undefined, { format: 'csv' }));
        const leaked = response.status !== status || JSON.stringify(response.jsonBody ?? response.body).includes('Quinn Police') || (await t.current()).version !== version;
        count({ accessProbes: 1, ...(leaked ? { accessLeaks: 1 } : {}) });
        expect(response.status).toBe(status);
        expect(JSON.stringify(response.jsonBody ?? response.body)).not.toContain('Quinn Police');
        expect((await t.current()).version).toBe(version);
      });
    }
    it(`${route}: the business unit is let through`, async () => {
      const { version, roster } = await t.current();
      const response = await handler()(request(route === 'change' ? 'PUT' : 'GET', '/api/tab/roster', PEOPLE.business.aadObjectId, route === 'change' ? { baseVersion: version, why: 'probe', roster } : undefined, { format: 'csv' }));
      expect(response.status).toBe(200);
    });
  }

  const absence = { from: '2026-05-11T00:00:00+01:00', to: '2026-05-15T18:00:00+01:00' };
  const absences: [string, string | undefined, string | undefined, number][] = [
    ['nobody signed in', undefined, undefined, 401],
    ['someone off the roster, for themselves', NOBODY, undefined, 403],
    ['a partner, for someone else', PEOPLE.police.aadObjectId, PEOPLE.health.aadObjectId, 403],
    ['a partner, for themselves', PEOPLE.police.aadObjectId, undefined, 200],
    ['the business unit, for a partner', PEOPLE.business.aadObjectId, PEOPLE.health.aadObjectId, 200],
    ['the business unit, for someone off the roster', PEOPLE.business.aadObjectId, NOBODY, 403],
  ];
  for (const [name, who, forId, status] of absences) {
    it(`absence: ${name} → ${status}`, async () => {
      const before = await t.current();
      const response = await t.roster.absence(request('POST', '/api/tab/roster/absence', who, { ...absence, ...(forId ? { aadObjectId: forId } : {}) }));
      if (status !== 200) count({ accessProbes: 1, ...(response.status !== status ? { accessLeaks: 1 } : {}) });
      expect(response.status).toBe(status);
      const after = await t.current();
      expect(after.version).toBe(status === 200 ? before.version + 1 : before.version);
      if (status === 200) {
        expect(after.roster.absences.at(-1)).toEqual({ aadObjectId: forId ?? who, ...absence });
        expect((await t.s.roster.history())[0]!.why).toBe('absent');
      }
    });
  }
});

describe('a change that affects an open case is explicit', () => {
  it('the review group chair is replaced: the case records it, the open initial-view request goes to the new chair, the old one can no longer act', async () => {
    const { s, messenger, roster, current } = await setUp();
    await s.cases.execute(
      CASE_REF,
      { type: 'LogReferral', actor: as(PEOPLE.business), referral: { caseRef: CASE_REF, referringAgency: 'Police', awareAt: '2026-05-05T08:00:00.000Z', harm: 'death', location: 'inArea', lookedAfter: false, documentUrl: DOCUMENT_URL } },
      new Date(LOGGED),
    );
    await s.effects.idle();
    const NEW_CHAIR: Person = { aadObjectId: 'aad-new-chair', email: 'nia.chair@partnership.example.org', displayName: 'Nia Newchair' };
    const { version, roster: before } = await current();
    const sentBefore = messenger.sent.length;
    const response = await roster.change(request('PUT', '/api/tab/roster', PEOPLE.business.aadObjectId, { baseVersion: version, why: 'Casey has stepped down as chair', roster: { ...before, reviewGroupChair: NEW_CHAIR } }));
    expect(response.jsonBody).toEqual({ version: 1, cases: [CASE_REF], followUp: FOLLOWED_UP });
    await s.effects.idle();
    // The request is sent to the new chair, as the initial-view card it was.
    const moved = messenger.sent.slice(sentBefore);
    expect(moved.map((m) => m.to)).toEqual([NEW_CHAIR.aadObjectId]);
    expect(cardText(moved[0]!.card)).toContain(CASE_REF);
    expect(JSON.stringify(moved[0]!.card)).toContain('initialView.submit');
    // The case's history says so.
    const detail = await s.monitoring.caseDetail(CASE_REF, new Date(LOGGED));
    expect(detail!.timeline.map((r) => r.what)).toContain('Roster changed by Billie Business: Casey Chair replaced by Nia Newchair as review group chair. Its open request was sent to the new holder.');
    // Casey can no longer give the view; Nia can.
    const refused = await s.cases.execute(CASE_REF, { type: 'GiveInitialView', actor: as(PEOPLE.chair), view: 'notify', rationale: 'Criteria met.' }, new Date(LOGGED));
    expect(refused.decision.ok).toBe(false);
    const given = await s.cases.execute(CASE_REF, { type: 'GiveInitialView', actor: as(NEW_CHAIR), view: 'notify', rationale: 'Criteria met.' }, new Date(LOGGED));
    expect(given.decision.ok).toBe(true);
  });
});

describe('an agency removed while it has an open request', () => {
  it('the case records who removed it and that the business unit follows up; a case it had no request on is untouched', async () => {
    const t = await setUp();
    const { s, roster, current } = t;
    const at = (iso: string) => new Date(iso);
    await s.cases.execute(CASE_REF, { type: 'LogReferral', actor: as(PEOPLE.business), referral: { caseRef: CASE_REF, referringAgency: 'Police', awareAt: '2026-06-01T07:30:00.000Z', harm: 'seriousHarm', location: 'inArea', lookedAfter: false, documentUrl: DOCUMENT_URL } }, at('2026-06-01T09:00:00.000Z'));
    await s.cases.execute(CASE_REF, { type: 'GiveInitialView', actor: as(PEOPLE.director), view: 'notify', rationale: 'Serious harm; neglect suspected.' }, at('2026-06-01T10:00:00.000Z'));
    await s.cases.execute(CASE_REF, { type: 'ConcurInitialView', actor: as(PEOPLE.chair) }, at('2026-06-01T10:00:00.000Z'));
    for (const p of [PEOPLE.police, PEOPLE.health]) await s.cases.execute(CASE_REF, { type: 'ReplyAsPartner', actor: as(p), reply: 'agree', rationale: 'Agreed on what is known.' }, at('2026-06-01T11:00:00.000Z'));
    await s.cases.execute(CASE_REF, { type: 'ConfirmPanelNotification', actor: as(PEOPLE.laDeputy), sentAt: '2026-06-02T09:00:00.000Z', panelReference: 'CSPRP-9' }, at('2026-06-02T09:30:00.000Z'));
    const setUpReview = await s.cases.execute(CASE_REF, { type: 'SetUpRapidReview', actor: as(PEOPLE.business), meetingAt: '2026-06-16T09:00:00.000Z', agencies: ['education', 'probation'] }, at('2026-06-03T09:00:00.000Z'));
    expect(setUpReview.decision.ok).toBe(true);
    // Another open case, with no request to probation.
    const OTHER = 'RR-2026-015';
    await s.cases.execute(OTHER, { type: 'LogReferral', actor: as(PEOPLE.business), referral: { caseRef: OTHER, referringAgency: 'Police', awareAt: '2026-06-01T07:30:00.000Z', harm: 'death', location: 'inArea', lookedAfter: false, documentUrl: DOCUMENT_URL } }, at('2026-06-03T09:00:00.000Z'));
    await s.effects.idle();

    // The roster is changed after the requests went out (only requests held then move).
    t.clock.set('2026-06-03T09:30:00.000Z');
    const { version, roster: before } = await current();
    const response = await roster.change(request('PUT', '/api/tab/roster', PEOPLE.business.aadObjectId, { baseVersion: version, why: 'The probation service has left the partnership', roster: { ...before, agencies: before.agencies.filter((a) => a.id !== 'probation') } }));
    expect(response.jsonBody).toEqual({ version: version + 1, cases: [CASE_REF], followUp: FOLLOWED_UP });
    const detail = await s.monitoring.caseDetail(CASE_REF, at('2026-06-03T10:00:00.000Z'));
    expect(detail!.timeline.map((r) => r.what)).toContain('Parker Probation removed from the roster by Billie Business (scoping contact for Probation Service); the business unit follows up their open request.');
    const other = await s.monitoring.caseDetail(OTHER, at('2026-06-03T10:00:00.000Z'));
    expect(other!.timeline.map((r) => r.what).join('\n')).not.toContain('removed from the roster');
  });
});

describe('a change is effective at once for the sweep', () => {
  it('the business unit changes the police deputy; the next reminder on an open case goes to the new deputy, not the old', async () => {
    const { s, messenger, roster, current } = await setUp();
    await s.cases.execute(
      CASE_REF,
      { type: 'LogReferral', actor: as(PEOPLE.business), referral: { caseRef: CASE_REF, referringAgency: 'Police', awareAt: '2026-05-05T08:00:00.000Z', harm: 'death', location: 'inArea', lookedAfter: false, documentUrl: DOCUMENT_URL } },
      new Date(LOGGED),
    );
    await s.cases.execute(CASE_REF, { type: 'GiveInitialView', actor: as(PEOPLE.chair), view: 'notify', rationale: 'Death with neglect suspected; criteria met.' }, new Date(VIEW));
    await s.cases.execute(CASE_REF, { type: 'ConcurInitialView', actor: as(PEOPLE.director) }, new Date(VIEW));
    await s.effects.idle();
    const { version, roster: before } = await current();
    const changed = await roster.change(request('PUT', '/api/tab/roster', PEOPLE.business.aadObjectId, { baseVersion: version, why: 'Quinn has moved on', roster: withPoliceDeputy(before, NEW_DEPUTY) }));
    expect(changed.status).toBe(200);
    const sentBefore = messenger.sent.length;
    await s.runSweep(new Date(REMINDER_SWEEP));
    const reminded = messenger.sent.slice(sentBefore);
    expect(reminded.map((m) => m.to)).toContain(NEW_DEPUTY.aadObjectId);
    expect(reminded.map((m) => m.to)).not.toContain(PEOPLE.policeDeputy.aadObjectId);
    expect(cardText(reminded.find((m) => m.to === NEW_DEPUTY.aadObjectId)!.card)).toContain(CASE_REF);
  });
});
