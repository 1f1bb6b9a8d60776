import type { CaseEvent } from '../workflow/events.js';
import { timeline } from '../workflow/timeline.js';
import { withAccessRows, type AccessRecord } from '../workflow/accessRecord.js';
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

/**
 * `agencyName` turns an agency id into its configured name (rapid review rows); `access` are who
 * viewed or downloaded the history (store/accessLog.ts), shown among the case's rows.
 */
export function historyCsv(events: CaseEvent[], agencyName?: (id: string) => string, access: readonly AccessRecord[] = []): string {
  const header = ['when', 'who', 'role', 'what', 'detail', 'agreement deemed'];
  const rows = withAccessRows(timeline(events, undefined, agencyName), access).map((row) => [londonIso(new Date(row.at)), row.who, row.role, row.what, row.detail ?? '', row.deemed ? 'yes' : 'no']);
  return [header, ...rows].map((cells) => cells.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

export function historyJson(caseRef: string, events: CaseEvent[], exportedAt: Date, agencyName?: (id: string) => string, access: readonly AccessRecord[] = []): string {
  return JSON.stringify({ caseRef, exportedAt: exportedAt.toISOString(), timeline: withAccessRows(timeline(events, undefined, agencyName), access), events, access }, null, 2);
}
