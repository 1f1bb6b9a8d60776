import type { CaseEvent } from '../workflow/events.js';
import type { PartnershipConfig } from '../workflow/partnership.js';
import type { CaseState } from '../workflow/state.js';
import type { TimelineRow } from '../workflow/timeline.js';
import { timeline } from '../workflow/timeline.js';
import { withAccessRows, type AccessRecord } from '../workflow/accessRecord.js';
import type { AdaptiveCard, CardElement } from './adaptiveCard.js';
import { adaptiveCard, container, execute, heading, openUrl, textBlock } from './adaptiveCard.js';
import type { Quote } from './budget.js';
import { firstThatFits, QUOTE_LIMITS, quoter } from './budget.js';
import { agencyName } from './agencies.js';
import { stageWords, when } from './wording.js';
import type { ShowableCardKind } from './verbs.js';

/** The card that shows where a case stands: where "Back" goes when the caller does not say. */
export function currentCardKind(state: Pick<CaseState, 'stage' | 'rapidReview'> & Partial<Pick<CaseState, 'careLeaverDeath'>>): ShowableCardKind {
  switch (state.stage) {
    case 'awaitingInitialView':
      return 'initialViewRequest';
    case 'awaitingPartnerReplies':
    case 'dispute':
      return 'partnerDecision';
    case 'awaitingPanelNotification':
      return 'panelNotificationRequest';
    case 'awaitingNextStep':
      return 'nextStepRequest';
    case 'panelNotified':
      return 'panelNotificationConfirmed';
    case 'rapidReview':
      return 'rapidReviewBoard';
    case 'closed':
      // A case closes on its next step, or, after a notification, on its rapid review.
      return state.rapidReview ? 'rapidReviewBoard' : state.careLeaverDeath ? 'statutoryNotificationRequest' : 'nextStepChosen';
  }
}

const WHERE_IN_FULL = 'the history export';

/**
 * The whole timeline of a case: who, in which role, did what, when, and what they wrote. When a
 * long case would not fit in one Teams message, quotes are shortened first and then the oldest
 * rows are left out, each time saying so; the export always has everything.
 */
export function historyCard(
  state: CaseState,
  events: CaseEvent[],
  config: PartnershipConfig,
  now: Date,
  options: { canExport: boolean; returnTo?: ShowableCardKind; access?: readonly AccessRecord[] },
): AdaptiveCard {
  const rows = withAccessRows(timeline(events, now, (id) => agencyName(config, id)), options.access ?? []);
  const render = (quote: Quote, shown: number) => historyBody(state, rows, config, now, options, quote, shown);
  const candidates = function* () {
    for (const max of QUOTE_LIMITS) yield () => render(quoter(max, WHERE_IN_FULL), rows.length);
    const smallest = quoter(QUOTE_LIMITS[QUOTE_LIMITS.length - 1], WHERE_IN_FULL);
    for (let shown = rows.length - 1; shown >= 1; shown = Math.min(shown - 1, Math.floor(shown * 0.9))) {
      yield () => render(smallest, shown);
    }
  };
  return firstThatFits(candidates());
}

function historyBody(
  state: CaseState,
  rows: TimelineRow[],
  config: PartnershipConfig,
  now: Date,
  options: { canExport: boolean; returnTo?: ShowableCardKind },
  quote: Quote,
  shown: number,
): AdaptiveCard {
  const caseRef = state.referral.caseRef;
  const hidden = rows.length - shown;
  return adaptiveCard(
    [
      heading(caseRef),
      textBlock(`Case history (${config.partnership.shortName})`, { weight: 'Bolder', spacing: 'None' }),
      textBlock(`Now: ${stageWords(state)}.`),
      ...(hidden > 0
        ? [textBlock(`The ${hidden} earliest ${hidden === 1 ? 'entry is' : 'entries are'} not shown here, to fit the card; the history export has every entry.`, { isSubtle: true })]
        : []),
      ...rows.slice(hidden).map((row) => rowBlock(row, now, quote)),
    ],
    [
      ...(options.canExport ? [execute('Export history', 'case.export', { caseRef }, { associatedInputs: 'none' })] : []),
      execute('Back', 'case.show', { caseRef, card: options.returnTo ?? currentCardKind(state) }, { associatedInputs: 'none' }),
    ],
  );
}

function rowBlock(row: TimelineRow, now: Date, quote: Quote): CardElement {
  const who = row.role ? `${row.who} (${row.role})` : row.who;
  return container(
    [
      textBlock(`**${when(row.at, now)}** · ${who}`, { size: 'Small', isSubtle: true }),
      textBlock(row.deemed ? `**${row.what}**` : row.what, { spacing: 'None', ...(row.deemed ? { color: 'Warning' as const } : {}) }),
      ...(row.detail ? [quote(row.detail)] : []),
    ],
    { separator: true },
  );
}

/** Links to the files the bot wrote; short-lived because the files are special-category data. */
export function exportLinksCard(caseRef: string, links: { csvUrl: string; jsonUrl: string; expiresAt: Date }, now: Date): AdaptiveCard {
  return adaptiveCard(
    [
      heading(caseRef),
      textBlock('History export', { weight: 'Bolder', spacing: 'None' }),
      textBlock(`The links work until ${when(links.expiresAt.toISOString(), now)}; after that, export again.`),
      textBlock("Keep the files in the partnership's document store; do not forward them or save them elsewhere.", { isSubtle: true }),
    ],
    [openUrl('Download CSV', links.csvUrl), openUrl('Download JSON', links.jsonUrl)],
  );
}
