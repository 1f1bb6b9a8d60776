/**
 * Keeping a person's place when a view is rebuilt from fresh data: the focused control is named by
 * its identity (its data-focus-key, or its id), not held as an element, so the equivalent control
 * in the new content can take focus again. Without this, replacing the content drops focus to the
 * page and a keyboard or screen reader user starts again from the top every minute.
 */

export function focusedKey(within: Element): string | undefined {
  const active = document.activeElement;
  if (!(active instanceof HTMLElement) || !within.contains(active)) return undefined;
  return active.dataset.focusKey ?? (active.id ? `#${active.id}` : undefined);
}

/** Focuses the control with `key` in `within`; if it is gone or disabled, the view's heading, so focus never falls to the page. */
export function refocus(within: HTMLElement, key: string | undefined): void {
  if (!key) return;
  const found = key.startsWith('#') ? document.getElementById(key.slice(1)) : within.querySelector(`[data-focus-key="${CSS.escape(key)}"]`);
  const target = found instanceof HTMLElement && within.contains(found) && !found.matches(':disabled') ? found : (within.querySelector<HTMLElement>('h2') ?? within);
  target.focus({ preventScroll: true });
}
