import { describe, expect, test } from 'vitest';
import { exportLinksCard, helpCard, noticeCard, referralFormCard, referralLoggedCard } from '../../cards/index.js';
import { assertValidCard, executeActions, inputsById, visibleText } from '../support/validateCard.js';
import { CASE_REF, DOCUMENT_URL, SCENES, sampleConfig, stateOf } from '../support/sampleConfig.js';

const NOW = new Date('2026-06-08T09:00:00Z');
const text = (c: unknown) => visibleText(c).join('\n');

describe('referral form', () => {
  test('asks for exactly what the procedure needs, each input as the verb expects', () => {
    const c = referralFormCard({ config: sampleConfig, now: NOW });
    assertValidCard(c);
    const inputs = inputsById(c);
    expect([...inputs.keys()].sort()).toEqual(['abuseOrNeglect', 'awareDate', 'awareTime', 'careLeaver', 'caseRef', 'documentUrl', 'harm', 'location', 'lookedAfter', 'referringAgency'].sort());
    expect(inputs.get('caseRef')).toMatchObject({ isRequired: true, regex: sampleConfig.caseReferencePattern });
    expect(inputs.get('referringAgency')).toMatchObject({
      type: 'Input.ChoiceSet',
      choices: sampleConfig.referringAgencies.map((a) => ({ title: a, value: a })),
    });
    expect(inputs.get('awareDate')).toMatchObject({ type: 'Input.Date', max: '2026-06-08' });
    expect(inputs.get('awareTime')).toMatchObject({ type: 'Input.Time' });
    expect(inputs.get('harm')).toMatchObject({ choices: [{ value: 'death' }, { value: 'seriousHarm' }] });
    expect(inputs.get('location')).toMatchObject({ choices: [{ value: 'inArea' }, { value: 'residentHarmedOutsideEngland' }] });
    expect(inputs.get('lookedAfter')).toMatchObject({ type: 'Input.Toggle', valueOn: 'true', valueOff: 'false', value: 'false' });
    // The notification criteria (002 Section B) and Section D's care leaver, both asked.
    expect(inputs.get('abuseOrNeglect')).toMatchObject({ type: 'Input.ChoiceSet', isRequired: true, choices: [{ value: 'known' }, { value: 'suspected' }, { value: 'neither' }] });
    expect(inputs.get('careLeaver')).toMatchObject({ type: 'Input.ChoiceSet', value: 'no', choices: [{ value: 'no' }, { value: 'under18' }, { value: 'aged18to24' }] });
    expect(inputs.get('documentUrl')).toMatchObject({ style: 'Url', isRequired: true });
    expect(executeActions(c)).toEqual([{ title: 'Log referral', verb: 'referral.submit', data: {} }]);
    expect(text(c)).toContain("Never include the child's or family's names");
  });

  test('after a refusal: the notice and every typed value are back', () => {
    const draft = {
      caseRef: 'RR-2026-15',
      referringAgency: 'Education',
      awareDate: '2026-06-07',
      awareTime: '16:10',
      harm: 'death',
      location: 'residentHarmedOutsideEngland',
      lookedAfter: 'true',
      abuseOrNeglect: 'suspected',
      documentUrl: 'https://elsewhere.example.com/doc',
    };
    const c = referralFormCard({ config: sampleConfig, now: NOW, notice: 'The referral document must be a link into the document store.', draft });
    assertValidCard(c);
    expect(text(c)).toContain('The referral document must be a link into the document store.');
    for (const [id, value] of Object.entries(draft)) expect(inputsById(c).get(id)?.value, id).toBe(value);
  });
});

describe('referral logged', () => {
  test('what was logged, who is asked by when, what happens next', () => {
    const c = referralLoggedCard(stateOf(SCENES.awaitingInitialView()), sampleConfig, new Date('2026-06-08T09:00:10Z'));
    assertValidCard(c);
    const t = text(c);
    expect(c.body[0]).toMatchObject({ text: CASE_REF });
    expect(t).toContain('Logged by Billie Business (business unit) at 10:00 on Monday 8 June.');
    expect(t).toContain("Casey Chair (review group chair) and Dana Director (children's services director) are asked for the initial view **by 10:00 on Tuesday 9 June**");
    expect(t).toContain('no reply counts as agreement');
    expect(t).toContain('notify the Panel by **17:00 on Friday 12 June**');
    expect(c.actions).toContainEqual({ type: 'Action.OpenUrl', title: 'Open referral document', url: DOCUMENT_URL });
    expect(executeActions(c).map((a) => a.verb)).toEqual(['case.history']);
  });
});

describe('help', () => {
  test('lists the commands; the clock commands only in local mode', () => {
    const normal = text(helpCard(sampleConfig, { localMode: false }));
    expect(normal).toContain('help');
    expect(normal).toContain('new referral');
    expect(normal).toContain('Business unit only, in SIN monitoring');
    expect(normal).toContain('history <case reference>');
    expect(normal).not.toContain('clock');
    const local = text(helpCard(sampleConfig, { localMode: true }));
    expect(local).toContain('clock +<hours>h');
    expect(local).toContain('clock +<n>d');
    expect(local).toContain('runs the deadline sweep');
  });
});

describe('notice and export links', () => {
  test('a notice is the title and the text', () => {
    const c = noticeCard('Not recorded', "Only the partner's representative or a deputy can reply. Nothing was recorded.");
    assertValidCard(c);
    expect(visibleText(c)).toEqual(['Not recorded', "Only the partner's representative or a deputy can reply. Nothing was recorded."]);
  });

  test('export links open the files and say when they stop working', () => {
    const c = exportLinksCard(CASE_REF, { csvUrl: 'https://f.example.org/a.csv?sig=1', jsonUrl: 'https://f.example.org/a.json?sig=1', expiresAt: new Date('2026-06-09T11:00:00Z') }, new Date('2026-06-09T10:00:00Z'));
    assertValidCard(c);
    expect(c.actions).toEqual([
      { type: 'Action.OpenUrl', title: 'Download CSV', url: 'https://f.example.org/a.csv?sig=1' },
      { type: 'Action.OpenUrl', title: 'Download JSON', url: 'https://f.example.org/a.json?sig=1' },
    ]);
    expect(text(c)).toContain('The links work until 12:00 on Tuesday 9 June');
  });
});
