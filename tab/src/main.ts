import { api, ApiError } from './api.js';
import { clockTime, h, replaceContent } from './dom.js';
import { focusedKey, refocus } from './focus.js';
import { startSession, type Session, type Theme } from './session.js';
import { caseDetailView } from './views/caseDetail.js';
import { casesView, type CasesViewState } from './views/cases.js';
import { deniedView, unavailableView } from './views/problem.js';
import { yearView } from './views/year.js';
import { reviewsView } from './views/reviews.js';
import { reviewView } from './views/review.js';
import { actionsView } from './views/actions.js';
import { rosterView } from './views/roster.js';

/**
 * The monitoring tab: open cases, a case's timeline, the reviews and their deadlines, every action,
 * this year's figures. Routes live in the URL
 * hash so Back works and a case can be linked. Every minute, while the tab is visible, the view's
 * data is fetched again; the view is rebuilt only if the data changed, and then the focused control
 * (and the scroll position) is found again by its identity, so the reader keeps their place. The
 * filter, sort order and year shown are kept in this module, so they survive too.
 */

const REFRESH_MS = 60_000;
const main = document.getElementById('main')!;
const status = document.getElementById('status')!;
const who = document.getElementById('who')!;
const casesState: CasesViewState = { filter: 'open', ascending: true };
let yearOffset = 0;
let session: Session;
let signedIn = false;

/** What the main area shows: which route, a fingerprint of the data it was drawn from, and how to draw it again. */
type Screen = { route: string; data: string; draw: () => HTMLElement };
let screen: Screen | undefined;
let lastReadAt: Date | undefined;

function applyTheme(theme: Theme): void {
  document.documentElement.dataset.theme = theme;
}

const currentRoute = () => location.hash.replace(/^#\/?/, '');

// The list's generatedAt changes on every read; the rest is what a person would see change.
const fingerprint = (data: unknown) => JSON.stringify(data, (key, value: unknown) => (key === 'generatedAt' ? undefined : value));

function download(caseRef: string) {
  return (format: 'csv' | 'json', button: HTMLButtonElement) => {
    button.disabled = true;
    status.textContent = `Preparing the ${format.toUpperCase()} download…`;
    api
      .download(session, caseRef, format)
      .then(() => (status.textContent = `The ${format.toUpperCase()} history of ${caseRef} has been downloaded.`))
      .catch((error: unknown) => downloadProblem(error))
      .finally(() => (button.disabled = false));
  };
}

/**
 * A refused or failed download leaves the view as it is and says why on the status line: a chair
 * may read what a download would hold, so a 403 here is about the file, not about the tab.
 */
function downloadProblem(error: unknown): void {
  status.textContent = error instanceof ApiError ? error.message : 'The download failed. Please try again.';
}

function downloadActions(button: HTMLButtonElement): void {
  button.disabled = true;
  status.textContent = 'Preparing the CSV download of the actions…';
  api
    .downloadActions(session)
    .then(() => (status.textContent = 'The actions have been downloaded as CSV.'))
    .catch((error: unknown) => downloadProblem(error))
    .finally(() => (button.disabled = false));
}

/** The nav link that is current for a route: a case or a review belongs to its list. */
function navFor(route: string): string {
  if (route === 'year') return '#/year';
  if (route === 'reviews' || route.startsWith('review/')) return '#/reviews';
  if (route === 'actions') return '#/actions';
  if (route === 'roster') return '#/roster';
  return '#/cases';
}

/** Reads what `route` shows, without touching the page. */
async function read(route: string): Promise<Screen> {
  const caseMatch = /^case\/(.+)$/.exec(route);
  if (caseMatch) {
    const caseRef = decodeURIComponent(caseMatch[1]!);
    const detail = await api.caseDetail(session, caseRef);
    return { route, data: fingerprint(detail), draw: () => caseDetailView(detail, download(caseRef)) };
  }
  // The roster page reads and saves on its own; the minute's refresh leaves it (and what is typed in it) alone.
  if (route === 'roster') return { route, data: 'roster', draw: () => rosterView(session, (text) => (status.textContent = text)) };
  const reviewMatch = /^review\/([^/]+)\/([^/]+)$/.exec(route);
  if (reviewMatch) {
    const review = await api.review(session, decodeURIComponent(reviewMatch[1]!), decodeURIComponent(reviewMatch[2]!));
    return { route, data: fingerprint(review), draw: () => reviewView(review) };
  }
  if (route === 'reviews') {
    const list = await api.reviews(session);
    return { route, data: fingerprint(list), draw: () => reviewsView(list) };
  }
  if (route === 'actions') {
    const view = await api.actions(session);
    return { route, data: fingerprint(view), draw: () => actionsView(view, downloadActions) };
  }
  if (route === 'year') {
    const offset = yearOffset;
    const figures = await api.year(session, offset);
    return {
      route,
      data: fingerprint({ offset, figures }),
      draw: () =>
        yearView(figures, offset, (to) => {
          yearOffset = to;
          void render('refresh');
        }),
    };
  }
  const list = await api.cases(session);
  return { route, data: fingerprint(list), draw: () => casesView(list, casesState, redraw) };
}

/** Puts `next` in the main area. On a refresh or a re-sort the focused control and the scroll position are kept. */
function show(next: Screen, keepPlace: boolean): void {
  const focus = keepPlace ? focusedKey(main) : undefined;
  const scrolled = window.scrollY;
  replaceContent(main, next.draw());
  screen = next;
  if (!keepPlace) return;
  window.scrollTo({ top: scrolled });
  refocus(main, focus);
}

/** The same data, arranged again (a new filter or sort order). */
function redraw(): void {
  if (screen) show(screen, true);
}

/** 'navigate': a new view, always drawn. 'refresh': drawn only if its data changed. */
async function render(reason: 'navigate' | 'refresh'): Promise<void> {
  const route = currentRoute();
  for (const link of Array.from(document.querySelectorAll<HTMLAnchorElement>('nav a'))) {
    const current = link.getAttribute('href') === navFor(route);
    if (current) link.setAttribute('aria-current', 'page');
    else link.removeAttribute('aria-current');
  }
  try {
    const next = await read(route);
    // Someone moved to another view while this was being read: that view's own render draws it.
    if (currentRoute() !== route) return;
    if (reason === 'navigate' || !screen || screen.route !== next.route || screen.data !== next.data) show(next, reason === 'refresh');
    lastReadAt = new Date();
    status.textContent = `Updated at ${clockTime(lastReadAt)}. Refreshes every minute.`;
  } catch (error) {
    showProblem(error);
  }
}

function showProblem(error: unknown): void {
  if (error instanceof ApiError && (error.status === 401 || error.status === 403)) {
    replaceContent(main, deniedView(error.status, error.message));
    screen = undefined;
    status.textContent = '';
    return;
  }
  // The service's own words when it gave some (e.g. the case store cannot be reached).
  const message = error instanceof ApiError ? error.message : 'Something went wrong showing this view. It will try again shortly.';
  if (screen && lastReadAt) {
    // What is on screen stays (it was true a minute ago); the line below says it may be out of date.
    status.textContent = `${message} Showing what was read at ${clockTime(lastReadAt)}.`;
    return;
  }
  replaceContent(main, unavailableView(message));
  screen = undefined;
  status.textContent = '';
}

function localControls(s: Extract<Session, { mode: 'local' }>): HTMLElement {
  const select = h('select', { id: 'local-user' }, h('option', { value: '' }, 'Choose who you are…'), ...s.people.map((p) => h('option', { value: p.aadObjectId }, `${p.displayName} (${p.roles.join(', ')})${p.allowed ? '' : ' - no access'}`)));
  select.value = s.chosen ?? '';
  select.addEventListener('change', () => {
    s.choose(select.value);
    screen = undefined;
    void start();
  });
  const theme = h('select', { id: 'local-theme' }, h('option', { value: 'default' }, 'Light'), h('option', { value: 'dark' }, 'Dark'), h('option', { value: 'contrast' }, 'High contrast'));
  theme.value = s.theme;
  theme.addEventListener('change', () => applyTheme(theme.value as Theme));
  return h(
    'div',
    { class: 'local-banner', role: 'region', 'aria-label': 'Local mode' },
    h('strong', {}, 'Local mode. '),
    'Teams sign-in is replaced by a person from the sample roster. ',
    h('label', { for: 'local-user' }, 'Signed in as '),
    select,
    ' ',
    h('label', { for: 'local-theme' }, 'Theme '),
    theme,
  );
}

async function start(): Promise<void> {
  if (session.mode === 'local' && !session.chosen) {
    replaceContent(main, h('p', {}, 'Choose who you are from the sample roster above to see the tab as that person.'));
    return;
  }
  try {
    const me = await api.me(session);
    who.textContent = `${me.displayName} (${me.roles.join(', ')}) · ${me.partnership}`;
    signedIn = true;
    await render('navigate');
  } catch (error) {
    who.textContent = '';
    signedIn = false;
    showProblem(error);
  }
}

/** The minute's refresh; until someone is signed in (the service was unreachable), the whole start again. */
function refresh(): void {
  if (document.visibilityState !== 'visible' || (session.mode === 'local' && !session.chosen)) return;
  void (signedIn ? render('refresh') : start());
}

async function boot(): Promise<void> {
  try {
    session = await startSession();
  } catch (error) {
    if (error instanceof ApiError) {
      // The service answered, but could not serve even the local roster (its store is unreachable): try again in a minute.
      replaceContent(main, unavailableView(error.message));
      setTimeout(() => void boot(), REFRESH_MS);
      return;
    }
    replaceContent(main, h('p', {}, 'This page is a Microsoft Teams tab: open it from the team channel or the app in Teams.'));
    return;
  }
  applyTheme(session.theme);
  if (session.mode === 'teams') session.onThemeChange(applyTheme);
  else document.getElementById('banner')!.replaceChildren(localControls(session));
  // After moving to another view, focus its heading so a screen reader announces where you are.
  window.addEventListener('hashchange', () => void render('navigate').then(() => main.querySelector<HTMLElement>('h2')?.focus()));
  // Refreshes only while someone can see it; catches up at once when the tab is shown again.
  setInterval(refresh, REFRESH_MS);
  document.addEventListener('visibilitychange', refresh);
  await start();
}

void boot();
