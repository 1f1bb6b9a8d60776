import type { CardElement, Choice, InputChoiceSet, InputDate, InputText, InputTime, InputToggle } from './adaptiveCard.js';
import { textBlock } from './adaptiveCard.js';
import { DateTime } from 'luxon';
import { LONDON_ZONE } from '../workflow/calendar/workingHours.js';
import { RATIONALE_MAX } from '../workflow/freeText.js';

/**
 * Input builders that pre-fill from a draft: after a refused submit the card comes back with what
 * the user typed, so fixing a rationale never means typing it again. A draft value that the input
 * could not hold (a choice not offered, a malformed date) is dropped rather than break the card.
 */

export type Draft = Readonly<Record<string, string>> | undefined;

export const NO_NAMES_HINT =
  "Never include the child's or family's names, dates of birth or addresses: cards and records carry only the case reference.";

const prefill = (draft: Draft, id: string, accept: (value: string) => boolean = () => true) => {
  const value = draft?.[id];
  return value !== undefined && value !== '' && accept(value) ? { value } : {};
};

export function freeTextInput(
  id: string,
  label: string,
  draft: Draft,
  options: { required: boolean; placeholder?: string },
): InputText {
  return {
    type: 'Input.Text',
    id,
    label,
    isMultiline: true,
    maxLength: RATIONALE_MAX,
    placeholder: options.placeholder ?? 'No names, dates of birth or addresses',
    ...(options.required ? { isRequired: true, errorMessage: `Please give a ${label.toLowerCase()}.` } : {}),
    ...prefill(draft, id),
  };
}

export function lineInput(
  id: string,
  label: string,
  draft: Draft,
  options: { required: boolean; errorMessage: string; placeholder?: string; maxLength?: number; regex?: string; style?: 'Text' | 'Url' },
): InputText {
  const { required, errorMessage, ...rest } = options;
  return {
    type: 'Input.Text',
    id,
    label,
    ...rest,
    ...(required ? { isRequired: true } : {}),
    errorMessage,
    ...prefill(draft, id),
  };
}

export function choiceInput(
  id: string,
  label: string,
  choices: Choice[],
  draft: Draft,
  options: { errorMessage: string; style?: 'compact' | 'expanded'; placeholder?: string },
): InputChoiceSet {
  return {
    type: 'Input.ChoiceSet',
    id,
    label,
    choices,
    style: options.style ?? 'expanded',
    ...(options.placeholder ? { placeholder: options.placeholder } : {}),
    isRequired: true,
    errorMessage: options.errorMessage,
    ...prefill(draft, id, (v) => choices.some((c) => c.value === v)),
  };
}

export function dateInput(id: string, label: string, draft: Draft, options: { errorMessage: string; max?: string }): InputDate {
  return {
    type: 'Input.Date',
    id,
    label,
    isRequired: true,
    errorMessage: options.errorMessage,
    ...(options.max ? { max: options.max } : {}),
    ...prefill(draft, id, (v) => /^\d{4}-\d{2}-\d{2}$/.test(v)),
  };
}

export function timeInput(id: string, label: string, draft: Draft, options: { errorMessage: string }): InputTime {
  // Some clients send seconds ("10:30:00"); Input.Time's value takes HH:mm, so a draft is cut to that.
  const typed = draft?.[id];
  const value = typed && /^\d{2}:\d{2}(:\d{2})?$/.test(typed) ? { value: typed.slice(0, 5) } : {};
  return {
    type: 'Input.Time',
    id,
    label,
    isRequired: true,
    errorMessage: options.errorMessage,
    ...value,
  };
}

/** Input.Toggle always sends one of its two values, so the answer is never missing. */
export function yesNoToggle(id: string, label: string, title: string, draft: Draft): InputToggle {
  const value = draft?.[id] === 'true' ? 'true' : 'false';
  return { type: 'Input.Toggle', id, label, title, valueOn: 'true', valueOff: 'false', value };
}

/** Today's date where the partnership is, for Input.Date's `max` (nothing can have been sent tomorrow). */
export function todayInLondon(now: Date): string {
  return DateTime.fromJSDate(now, { zone: LONDON_ZONE }).toISODate() ?? now.toISOString().slice(0, 10);
}

/** The notify / do-not-notify choice with its required rationale, as every deciding card asks it. */
export function viewChoiceWithRationale(id: string, label: string, draft: Draft): CardElement[] {
  return [
    choiceInput(
      id,
      label,
      [
        { title: 'Notify the Panel', value: 'notify' },
        { title: 'Do not notify the Panel', value: 'doNotNotify' },
      ],
      draft,
      { errorMessage: 'Please choose notify or do not notify.' },
    ),
    freeTextInput('rationale', 'Rationale', draft, { required: true }),
    textBlock(NO_NAMES_HINT, { isSubtle: true, size: 'Small', spacing: 'Small' }),
  ];
}
