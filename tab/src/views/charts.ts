import type { YearFigures } from '../../../workflow/monitoring/schemas.js';
import { svg } from '../dom.js';

/**
 * The yearly figures as two small SVG charts. Counts share one scale; the two timeliness figures
 * have their own units (working days; a share of reviews), so they get a chart of their own with
 * each row on its own labelled scale rather than bars that look comparable and are not. Each chart
 * is an image with its figures in words as its name; the same figures are listed as text beside it.
 */

const WIDTH = 520;
const BAR_X = 230;
const BAR_SPAN = 220;
const ROW = 28;


/** The counts (referrals, notifications, decisions by route) on one scale. */
export function countsChart(id: string, bars: readonly (readonly [string, number])[]): SVGElement {
  const max = Math.max(1, ...bars.map(([, n]) => n));
  const width = (n: number) => Math.max(2, (n / max) * BAR_SPAN);
  return svg(
    'svg',
    { id, class: 'chart', viewBox: `0 0 ${WIDTH} ${bars.length * ROW}`, role: 'img', 'aria-labelledby': `${id}-title` },
    svg('title', { id: `${id}-title` }, `Bar chart of counts: ${bars.map(([label, n]) => `${label} ${n}`).join(', ')}`),
    ...bars.flatMap(([label, n], i) => [
      svg('text', { x: 0, y: i * ROW + 18, class: 'chart-label' }, label),
      svg('rect', { x: BAR_X, y: i * ROW + 6, width: width(n), height: 16, class: 'chart-bar' }),
      svg('text', { x: BAR_X + width(n) + 6, y: i * ROW + 18, class: 'chart-value' }, String(n)),
    ]),
  );
}

/**
 * The median working days from the partnership becoming aware to the Panel notification, against
 * the statutory 5 working days (002 Section B: "within five working days of becoming aware"), and
 * the rapid reviews done on time.
 */
export function timelinessChart(id: string, figures: Pick<YearFigures, 'medianWorkingDaysAwarenessToNotification' | 'rapidReviews'>): SVGElement {
  const median = figures.medianWorkingDaysAwarenessToNotification;
  const { completed, onTime } = figures.rapidReviews;
  // Each row has its own scale: working days up to at least the 5-day mark; reviews as a share of those completed.
  const track = WIDTH - 20;
  const scaleDays = Math.max(5, Math.ceil(median ?? 0));
  const limitX = (5 / scaleDays) * track;
  const medianWords = median === undefined ? 'no notifications yet' : `${median} working day${median === 1 ? '' : 's'}`;
  const reviewWords = completed === 0 ? 'none completed yet' : `${onTime} of ${completed} on time`;
  const GROUP = 64;
  return svg(
    'svg',
    { id, class: 'chart', viewBox: `0 0 ${WIDTH} ${2 * GROUP}`, role: 'img', 'aria-labelledby': `${id}-title` },
    svg('title', { id: `${id}-title` }, `Timeliness: median from becoming aware to the Panel notification ${medianWords} (the statutory limit is 5 working days); rapid reviews ${reviewWords}`),
    svg('text', { x: 0, y: 14, class: 'chart-label' }, `Median, aware to notified: ${medianWords}`),
    svg('rect', { x: 0, y: 22, width: track, height: 14, class: 'chart-track' }),
    median === undefined ? undefined : svg('rect', { x: 0, y: 22, width: Math.max(2, (median / scaleDays) * track), height: 14, class: 'chart-bar' }),
    svg('line', { x1: limitX, x2: limitX, y1: 18, y2: 40, class: 'chart-limit' }),
    svg('text', { x: limitX, y: 54, class: 'chart-value chart-end' }, '5 working days'),
    svg('text', { x: 0, y: GROUP + 14, class: 'chart-label' }, `Rapid reviews on time: ${reviewWords}`),
    svg('rect', { x: 0, y: GROUP + 22, width: track, height: 14, class: 'chart-track' }),
    completed === 0 || onTime === 0 ? undefined : svg('rect', { x: 0, y: GROUP + 22, width: (onTime / completed) * track, height: 14, class: 'chart-bar' }),
    svg('text', { x: track, y: GROUP + 54, class: 'chart-value chart-end' }, completed === 0 ? '' : `${completed} completed`),
  );
}
