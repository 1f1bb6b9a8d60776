import { cardBytes, caseCard, type AdaptiveCard, type CaseCardContext } from '../cards/index.js';
import { createWorkingCalendar } from '../workflow/calendar/workingCalendar.js';
import type { CaseEvent } from '../workflow/events.js';
import type { Agency, PartnershipConfig } from '../workflow/partnership.js';
import { assertValidCard, visibleText } from '../test/support/validateCard.js';
import { EV, MANY_AGENCY_IDS, SCENES, T, sampleConfig, stateOf } from '../test/support/sampleConfig.js';
import { figure, round, type Figure } from './support.js';

/**
 * The largest cards the bot can produce, rendered by the product's own builders from states
 * folded from events (test/support/sampleConfig.ts SCENES), validated as Teams would meet them:
 * the rapid review status board with 30 agencies, and the partner decision card quoting
 * 2,000-character texts. Each variant is measured; the largest of each kind is the figure.
 */

const KB = 1024;
const calendar = createWorkingCalendar({ nation: sampleConfig.nation, workingHours: sampleConfig.workingHours });

type Variant = { name: string; card: AdaptiveCard };

function measure(variants: Variant[]): { largest: Variant & { bytes: number }; all: Record<string, number | string | boolean> } {
  const sized = variants.map((v) => {
    assertValidCard(v.card);
    return { ...v, bytes: cardBytes(v.card) };
  });
  const largest = sized.reduce((a, b) => (b.bytes > a.bytes ? b : a));
  const all: Record<string, number | string | boolean> = {};
  for (const v of sized) {
    all[`${v.name}Bytes`] = v.bytes;
    all[`${v.name}Shortened`] = visibleText(v.card).some((t) => t.includes('shortened to fit'));
  }
  return { largest, all };
}

/** 30 agencies with 140-character names, as the board's own test configures them. */
function thirtyAgencyConfig(): PartnershipConfig {
  const longName = (i: number) => `Agency ${i + 1}: ${'Safeguarding Children and Families Directorate, Integrated Services '.repeat(2)}`.slice(0, 140);
  const person = (id: string) => ({ aadObjectId: `aad-${id}`, email: `${id}@agency.example.org`, displayName: `Contact ${id}` });
  const agencies: Agency[] = MANY_AGENCY_IDS.map((id, i) => ({
    id,
    name: longName(i),
    contact: person(id),
    deputies: [person(`${id}-deputy`)],
    escalation: person(`${id}-lead`),
    reviewGroup: i < 10,
    domesticAbuseService: false,
  }));
  return { ...sampleConfig, agencies };
}

export function cardSize(): Figure[] {
  const config = thirtyAgencyConfig();
  const monitoring = { kind: 'conversation', target: 'monitoring' } as const;
  const board = (events: CaseEvent[], now: string): AdaptiveCard =>
    caseCard({ kind: 'rapidReviewBoard' }, { state: stateOf(events), config, now: new Date(now), recipient: monitoring, calendar });
  const allReturned = (url: (id: string) => string): CaseEvent[] => [
    ...SCENES.reviewOpened(),
    EV.reviewSetUp(MANY_AGENCY_IDS),
    ...MANY_AGENCY_IDS.map((id) => EV.returned(id, T.educationReturned, url(id))),
  ];
  const boards = measure([
    // Every status, after the return date (the open ones overdue: the longest rows).
    { name: 'boardEveryStatus', card: board(SCENES.thirtyAgencies(), '2026-06-24T12:00:00Z') },
    { name: 'boardAllReturnedWithLinks', card: board(allReturned((id) => `https://documents.example.org/sites/safeguarding/cases/RR-2026-014/scoping-returns/${id}-referral-response-form-v2.docx`), '2026-06-24T12:00:00Z') },
  ]);

  const decision = { kind: 'conversation', target: 'decision' } as const;
  const long = (seed: string) => `${seed} `.repeat(2000).slice(0, 2000);
  const heavy = (c: string) => c.repeat(2000);
  const partnerCard = (text: (seed: string) => string, extra: Partial<CaseCardContext> = {}): AdaptiveCard => {
    const events: CaseEvent[] = [
      EV.logged(),
      ...EV.viewGiven('notify', text('view')),
      EV.laAgrees(text('la')),
      EV.policeDisagrees(text('police')),
      EV.healthDisagrees(text('health')),
      EV.dispute(['police', 'health']),
    ];
    return caseCard({ kind: 'partnerDecision' }, { state: stateOf(events), config: sampleConfig, now: new Date('2026-06-09T16:00:00Z'), recipient: decision, calendar, ...extra });
  };
  const partner = measure([
    // Three partners' 2,000-character texts and a 2,000-character initial view rationale.
    { name: 'partnerThreeRationales', card: partnerCard(long) },
    // The same card returned to someone whose reply was refused: their typed text comes back in the inputs.
    { name: 'partnerWithDrafts', card: partnerCard(long, { notice: 'Recorded: Health (ICB) disagrees.', draft: { comment: long('c'), rationale: long('r') } }) },
    // Not plain ASCII: more bytes per character (the card shortens its quotes to fit).
    { name: 'partnerMultibyte', card: partnerCard((seed) => heavy({ view: '€', la: 'ü', police: '你', health: '—' }[seed] ?? 'é'), { draft: { comment: heavy('é'), rationale: heavy('ß') } }) },
  ]);

  return [
    figure({
      id: 'card.board',
      figure: 'Card size: rapid review board, 30 agencies',
      value: boards.largest.bytes / KB,
      unit: 'KB',
      limit: 28,
      comparison: '<=',
      details: { largestVariant: boards.largest.name, largestBytes: boards.largest.bytes, ...boards.all },
    }),
    figure({
      id: 'card.partner',
      figure: "Card size: partners' decision card, 2,000-character rationales",
      value: partner.largest.bytes / KB,
      unit: 'KB',
      limit: 28,
      comparison: '<=',
      details: { largestVariant: partner.largest.name, largestBytes: partner.largest.bytes, ...partner.all, limitBytes: round(28 * KB) },
    }),
  ];
}
