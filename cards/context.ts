import type { PartnershipFile } from '../config/partnershipFile.js';
import type { WorkingCalendar } from '../workflow/calendar/workingCalendar.js';
import type { Recipient } from '../workflow/effects.js';
import type { CaseState } from '../workflow/state.js';
import type { Quote } from './budget.js';
import type { Draft } from './inputs.js';

/** Everything a case card is rendered from. Cards are pure: the time is passed in, never read. */
export type CaseCardContext = {
  state: CaseState;
  config: PartnershipFile;
  now: Date;
  recipient: Recipient;
  /** A message shown at the top: a refusal to fix, or a confirmation of what was recorded. */
  notice?: string;
  /** What the user typed, by input id, so a refused submit loses nothing. */
  draft?: Record<string, string>;
  /**
   * The partnership's working days, for "overdue by 2 working days" and "3 working days left".
   * Optional so a card can always be drawn: without it, dates are given in words only.
   */
  calendar?: WorkingCalendar;
};

/** The context a builder receives: the caller's, plus how to quote typed text within the size budget. */
export type CaseCardParts = CaseCardContext & { quote: Quote; draft: Draft };
