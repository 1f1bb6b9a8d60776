/**
 * Free text typed into cards ends up in Teams messages, logs and exports that many people read,
 * so it must never carry a child's or family's identifying details. These checks are a guard
 * against the common slips (a titled name, a date of birth, a postcode); they cannot prove the
 * absence of a name, which is why the card also says so in words.
 */

export const RATIONALE_MAX = 2000;

const MONTHS = 'jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?';

const RELATIVES = 'baby|brother|sister|mother|father|mum|mom|dad|son|daughter|child|stepfather|stepmother|stepdad|stepmum|uncle|aunt|auntie|grandmother|grandfather|grandma|grandad|nan|cousin|sibling|boyfriend|girlfriend';
// Capitalised words that commonly follow those and are not names (services, plans, reviews).
const NOT_NAMES = 'Protection|Death|Safeguarding|Services|Social|Care|Exploitation|In|Looked|Health|Mental|Practice|Review|Panel|Plan|Abuse|Sexual|Criminal|Trafficking|Development';
const STREETS = 'Road|Rd|Street|St|Avenue|Ave|Lane|Close|Drive|Way|Crescent|Gardens|Place|Court|Terrace|Grove|Hill|Park|Mews|Square|Row|Walk';

/** "brother" or "Brother", but the word after it must be capitalised to look like a name. */
function eitherCase(words: string): string {
  return words
    .split('|')
    .map((w) => `[${w[0]!.toUpperCase()}${w[0]}]${w.slice(1)}`)
    .join('|');
}

const CHECKS: { pattern: RegExp; problem: string }[] = [
  { pattern: /\bborn\b/i, problem: 'a date of birth' },
  { pattern: /\b(?:19|20)\d{2}-\d{1,2}-\d{1,2}\b/, problem: 'a date (it could be a date of birth)' },
  { pattern: new RegExp(`\\b(?:${MONTHS})\\.?\\s+\\d{1,2}(?:st|nd|rd|th)?,?\\s+\\d{4}\\b`, 'i'), problem: 'a date (it could be a date of birth)' },
  { pattern: new RegExp(`\\b(?:${eitherCase(RELATIVES)})\\s+(?!(?:${NOT_NAMES})\\b)[A-Z][a-z'-]+`), problem: 'a name' },
  { pattern: /\b[A-Z][a-z'-]+ [A-Z][a-z'-]+,? \(\d{1,2}\)/, problem: 'a name' },
  { pattern: /\b[A-Z][a-z'-]+,? aged \d{1,2}\b/, problem: 'a name' },
  { pattern: new RegExp(`\\b\\d{1,4}[A-Za-z]?\\s+(?:[A-Z][a-z'-]+\\s+){1,3}(?:${STREETS})\\b`), problem: 'an address' },
  { pattern: /\b(?:d\.?o\.?b\.?|date of birth|born (?:on|in))\b/i, problem: 'a date of birth' },
  { pattern: /\b\d{1,2}[/.-]\d{1,2}[/.-](?:\d{4}|\d{2})\b/, problem: 'a date (it could be a date of birth)' },
  { pattern: new RegExp(`\\b\\d{1,2}(?:st|nd|rd|th)?\\s+(?:${MONTHS})\\.?\\s+\\d{4}\\b`, 'i'), problem: 'a date (it could be a date of birth)' },
  { pattern: /\b(?:[Mm]rs?|[Mm]s|[Mm]iss|[Mm]aster|[Mm]x)\.?\s+[A-Z][a-z'-]+/, problem: 'a name' },
  { pattern: /\b(?:child|baby|mother|father|mum|dad|sibling|brother|sister)\s+(?:called|named)\b/i, problem: 'a name' },
  { pattern: /\b[A-Z]{1,2}\d[A-Z\d]?\s*\d[A-Z]{2}\b/, problem: 'a postcode (an address)' },
  { pattern: /\b(?:NHS|nhs)\s*(?:no\.?|number)?\s*:?\s*\d{3}\s?\d{3}\s?\d{4}\b/, problem: 'an NHS number' },
];

/** The first identifying detail the text appears to contain, in words, or undefined. */
export function identifyingDetailIn(text: string): string | undefined {
  return CHECKS.find((c) => c.pattern.test(text))?.problem;
}

export type TextProblem = { field: string; message: string };

/** Checks a required free-text field; returns the user-facing problem or undefined. */
export function checkFreeText(field: string, text: string | undefined, options: { required: boolean }): TextProblem | undefined {
  const value = (text ?? '').trim();
  if (!value) return options.required ? { field, message: `Please give a ${field}.` } : undefined;
  if (value.length > RATIONALE_MAX) {
    return { field, message: `The ${field} is ${value.length} characters long; please keep it to ${RATIONALE_MAX}.` };
  }
  const detail = identifyingDetailIn(value);
  if (detail) {
    return {
      field,
      message: `The ${field} seems to contain ${detail}. Cards and records carry only the case reference: please remove any name, date of birth or address of the child or family.`,
    };
  }
  return undefined;
}
