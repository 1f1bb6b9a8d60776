import type { CaseSummary } from '../../../workflow/monitoring/schemas.js';
import { h } from '../dom.js';

/** A status shown as a shape, a colour and words together: colour is never the only signal. */
const SHAPES: Record<CaseSummary['status'], string> = { red: '▲', amber: '◆', green: '●', closed: '■' };

export function statusBadge(summary: Pick<CaseSummary, 'status' | 'statusText'>): HTMLElement {
  return h('span', { class: `status status-${summary.status}` }, h('span', { class: 'status-shape', 'aria-hidden': 'true' }, SHAPES[summary.status]), ` ${summary.statusText}`);
}
