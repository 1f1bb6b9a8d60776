import { h } from '../dom.js';

/** Refused (401/403): the reason, and nothing about any case. */
export function deniedView(status: number, reason: string): HTMLElement {
  return h(
    'section',
    { class: 'denied', 'aria-labelledby': 'denied-heading' },
    h('h2', { id: 'denied-heading' }, status === 403 ? 'This tab is not available to you' : 'You are not signed in'),
    h('p', { id: 'denied-reason' }, reason),
    h('p', {}, 'Nothing about any case has been shown or sent to this page.'),
  );
}

/** Nothing could be shown yet (the case store cannot be reached, say): the service's own words. */
export function unavailableView(message: string): HTMLElement {
  return h(
    'section',
    { class: 'unavailable', 'aria-labelledby': 'unavailable-heading' },
    h('h2', { id: 'unavailable-heading' }, 'The cases cannot be shown just now'),
    h('p', { id: 'problem-message' }, message),
    h('p', {}, 'This page tries again by itself every minute while it is open.'),
  );
}
