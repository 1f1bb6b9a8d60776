import type { CardElement, Choice, InputChoiceSet, InputDate, InputText, InputTime, InputToggle } from './adaptiveCard.js';
import { textBlock } from './adaptiveCard.js';
import { DateTime } from 'luxon';
import { LONDON_ZONE } from '../workflow/calendar/workingHours.js';
import { RATIONALE_MAX } from '../workflow/freeText.js';
import { upperFirst, VIEW_WORDS } from '../workflow/words.js';

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

/** Required unless `required: false` says otherwise (an optional date with a default the card explains). */
export function dateInput(id: string, label: string, draft: Draft, options: { errorMessage: string; min?: string; max?: string; required?: boolean }): InputDate {
  return {
    type: 'Input.Date',
    id,
    label,
    ...(options.required === false ? {} : { isRequired: true }),
    errorMessage: options.errorMessage,
    ...(options.min ? { min: options.min } : {}),
    ...(options.max ? { max: options.max } : {}),
    ...prefill(draft, id, (v) => /^\d{4}-\d{2}-\d{2}$/.test(v)),
  };
}

/**
 * Several choices, sent comma-separated. `ticked` is what the card proposes; a draft replaces it
 * only if every value in it is still offered, so a stale draft cannot tick something unknown.
 */
export function multiChoiceInput(
  id: string,
  label: string,
  choices: Choice[],
  draft: Draft,
  options: { errorMessage: string; ticked: readonly string[] },
): InputChoiceSet {
  const offered = (v: string) => v.split(',').every((part) => choices.some((c) => c.value === part));
  const proposed = options.ticked.filter(offered);
  return {
    type: 'Input.ChoiceSet',
    id,
    label,
    choices,
    style: 'expanded',
    isMultiSelect: true,
    isRequired: true,
    errorMessage: options.errorMessage,
    ...(proposed.length > 0 ? { value: proposed.join(',') } : {}),
    ...prefill(draft, id, offered),
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
  return londonDateOf(now);
}

/**
 * The last date a return "due at the close of the day chosen" can be given for without passing
 * `deadline`: the deadline's own date only if its time is at or after the close of work.
 */
export function lastDayClosingBy(deadline: Date, closeOfWork: string): string {
  const local = DateTime.fromJSDate(deadline, { zone: LONDON_ZONE });
  return londonDateOf(deadline, local.toFormat('HH:mm') >= closeOfWork ? 0 : -1);
}

/** The London calendar date of an instant, `plusDays` calendar days on, for Input.Date's `min` and `max`. */
export function londonDateOf(instant: Date, plusDays = 0): string {
  return DateTime.fromJSDate(instant, { zone: LONDON_ZONE }).plus({ days: plusDays }).toISODate() ?? instant.toISOString().slice(0, 10);
}

/** The notify / do-not-notify choice with its required rationale, as every deciding card asks it. */
export function viewChoiceWithRationale(id: string, label: string, draft: Draft): CardElement[] {
  return [
    choiceInput(
      id,
      label,
      [
        { title: upperFirst(VIEW_WORDS.notify), value: 'notify' },
        { title: upperFirst(VIEW_WORDS.doNotNotify), value: 'doNotNotify' },
      ],
      draft,
      { errorMessage: 'Please choose notify or do not notify.' },
    ),
    freeTextInput('rationale', 'Rationale', draft, { required: true }),
    textBlock(NO_NAMES_HINT, { isSubtle: true, size: 'Small', spacing: 'Small' }),
  ];
}
