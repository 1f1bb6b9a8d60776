import type { CaseEvent } from '../workflow/events.js';
import { timeline } from '../workflow/timeline.js';
import { londonIso } from '../workflow/calendar/words.js';

/**
 * The case's history for the scrutineer, the Panel or a coroner. CSV cells that a spreadsheet
 * would run as a formula are neutralised: rationales are typed by people and shown verbatim.
 */

const FORMULA_START = /^[=+\-@\t\r]/;

export function csvCell(value: string): string {
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function historyCsv(events: CaseEvent[]): string {
  const header = ['when', 'who', 'role', 'what', 'detail', 'agreement deemed'];
  const rows = timeline(events).map((row) => [londonIso(new Date(row.at)), row.who, row.role, row.what, row.detail ?? '', row.deemed ? 'yes' : 'no']);
  return [header, ...rows].map((cells) => cells.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

export function historyJson(caseRef: string, events: CaseEvent[], exportedAt: Date): string {
  return JSON.stringify({ caseRef, exportedAt: exportedAt.toISOString(), timeline: timeline(events), events }, null, 2);
}
