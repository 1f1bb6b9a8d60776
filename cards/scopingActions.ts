import type { Agency } from '../workflow/partnership.js';
import type { AgencyReturn, RapidReview } from '../workflow/state.js';
import type { CardActionJson } from './adaptiveCard.js';
import { execute, showCard, subCard, textBlock } from './adaptiveCard.js';
import type { CaseCardParts } from './context.js';
import { dateInput, freeTextInput, lastDayClosingBy, lineInput, londonDateOf, NO_NAMES_HINT } from './inputs.js';
import { when } from './wording.js';

const RETURN_URL_MAX = 2000;

/**
 * What an agency's contact can do about a return still owed, on the request and on every chaser,
 * so a reminder can be acted on where it is read. Each button carries the agency: one person may
 * act for several agencies. A form with a required input is a ShowCard of its own, so it never
 * stops the other buttons being clicked.
 */
export function scopingActions(parts: CaseCardParts, agency: Agency, a: AgencyReturn): CardActionJson[] {
  const { state } = parts;
  const rr = state.rapidReview;
  if (!rr) return [];
  const data = { caseRef: state.referral.caseRef, agency: agency.id };
  return [
    returnForm(parts, data),
    execute('No involvement with this child or family', 'scoping.noInvolvement', data, { associatedInputs: 'none' }),
    // More time cannot be asked twice at once: the business unit answers the first request.
    ...(a.status === 'extensionAsked' ? [] : [extensionForm(parts, rr, a, data)]),
  ];
}

type AgencyData = { caseRef: string; agency: string };

function returnForm({ config, draft }: CaseCardParts, data: AgencyData): CardActionJson {
  const hosts = config.documentStoreHosts.join(', ');
  return showCard(
    'Return submitted',
    subCard(
      [
        textBlock(
          `Put the return in the partnership's document store (${hosts}) and give its link here: a link, not an attachment, and never its content pasted into Teams.`,
        ),
        lineInput('documentUrl', 'Link to the return', draft, {
          required: true,
          style: 'Url',
          placeholder: `https://${config.documentStoreHosts[0] ?? 'documents'}/…`,
          maxLength: RETURN_URL_MAX,
          regex: '^https://\\S+$',
          errorMessage: `Please give a https:// link into the document store (${hosts}).`,
        }),
        textBlock('Name the document with the case reference only, never a name.', { isSubtle: true, size: 'Small', spacing: 'Small' }),
      ],
      [execute('Record the return', 'scoping.return', data, { style: 'positive' })],
    ),
  );
}

function extensionForm({ config, now, draft }: CaseCardParts, rr: RapidReview, a: AgencyReturn, data: AgencyData): CardActionJson {
  const papers = rr.setup ? ` A date after the papers go out (${when(rr.setup.papersDueAt, now)}) means your return misses the papers.` : '';
  return showCard(
    'Ask for more time',
    subCard(
      [
        textBlock(
          `Say why, and propose a new date: the business unit decides. Until then the return is due by ${when(a.dueAt, now)}.${papers} A date after the rapid review deadline (${when(rr.dueAt, now)}) is refused.`,
        ),
        freeTextInput('reason', 'Reason', draft, { required: true }),
        textBlock(NO_NAMES_HINT, { isSubtle: true, size: 'Small', spacing: 'Small' }),
        dateInput('proposedDate', 'Proposed date (returned by the close of that day)', draft, {
          errorMessage: 'Please propose a date after the current due date.',
          // The new date must be later than the one it replaces, and no later than the review itself.
          min: londonDateOf(new Date(a.dueAt), 1),
          max: lastDayClosingBy(new Date(rr.dueAt), config.workingHours.end),
        }),
      ],
      [execute('Ask for more time', 'scoping.extension', data)],
    ),
  );
}
