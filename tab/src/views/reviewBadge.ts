import type { RagStatus, ReviewStatus } from '../../../workflow/monitoring/schemas.js';
import { statusBadge } from './status.js';

/** A review's or a deadline's status with the cases' shapes and colours: overdue red, due soon amber, on time green, done grey. */
const RAG: Record<ReviewStatus, RagStatus> = { overdue: 'red', dueSoon: 'amber', onTime: 'green', done: 'closed' };

export const reviewBadge = (status: ReviewStatus, statusText: string): HTMLElement => statusBadge({ status: RAG[status], statusText });

export const reviewHref = (caseRef: string, kind: string): string => `#/review/${encodeURIComponent(caseRef)}/${encodeURIComponent(kind)}`;
