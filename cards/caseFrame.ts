import type { CaseState } from '../workflow/state.js';
import type { AdaptiveCard, CardActionJson, CardElement } from './adaptiveCard.js';
import { adaptiveCard, container, execute, heading, openUrl, textBlock } from './adaptiveCard.js';
import type { ShowableCardKind } from './verbs.js';

/**
 * The frame every case card shares: the case reference as the title (the only identifier a card
 * may carry), what the card is about, the notice if any, and a History button last.
 */
export function caseFrame(parts: {
  state: CaseState;
  subtitle: string;
  notice?: string | undefined;
  body: CardElement[];
  actions?: CardActionJson[];
  /** Where the history's Back button returns; the card's own kind when it can be shown again. */
  returnTo?: ShowableCardKind;
  /** False on cards for agencies' people: they act on their own return but may not read the whole history. */
  showHistory?: boolean;
}): AdaptiveCard {
  const caseRef = parts.state.referral.caseRef;
  return adaptiveCard(
    [
      heading(caseRef),
      textBlock(parts.subtitle, { weight: 'Bolder', spacing: 'None' }),
      ...(parts.notice ? [noticeBlock(parts.notice)] : []),
      ...parts.body,
    ],
    [
      ...(parts.actions ?? []),
      // "none": the history must open even when the form's required inputs are still empty.
      ...(parts.showHistory === false ? [] : [execute('History', 'case.history', { caseRef, ...(parts.returnTo ? { returnTo: parts.returnTo } : {}) }, { associatedInputs: 'none' })]),
    ],
  );
}

export function noticeBlock(notice: string): CardElement {
  return container([textBlock(notice, { weight: 'Bolder' })], { style: 'emphasis' });
}

/** The referral document stays in the document store: cards link to it and never show its address as text. */
export function openReferralDocument(state: CaseState): CardActionJson {
  return openUrl('Open referral document', state.referral.documentUrl);
}

/** A button that asks the bot to show one of the case's cards here, replacing this one. */
export function showCaseCard(state: CaseState, title: string, card: ShowableCardKind): CardActionJson {
  return execute(title, 'case.show', { caseRef: state.referral.caseRef, card }, { associatedInputs: 'none' });
}
