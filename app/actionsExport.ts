import { londonIso } from '../workflow/calendar/words.js';
import { ACTION_BUCKET_WORDS, type ActionsView } from '../workflow/monitoring/schemas.js';
import { csvCell } from './historyExport.js';

/**
 * The tab's CSV of every action (issue 17: "a regular report to the executive ... with CSV
 * export"), one row per action with where it stands. What "done" means is typed by people: its
 * cells are neutralised like the history's, so a spreadsheet never runs one as a formula.
 */
export function actionsCsv(view: ActionsView): string {
  const header = ['case', 'review', 'action', 'recommendation', 'owner', 'what done means', 'due', 'status'];
  const rows = view.rows.map((r) => [r.caseRef, r.review, r.action, r.recommendation, r.owner, r.done, londonIso(new Date(r.dueAt)), ACTION_BUCKET_WORDS[r.bucket]]);
  return [header, ...rows].map((cells) => cells.map(csvCell).join(',')).join('\r\n') + '\r\n';
}
