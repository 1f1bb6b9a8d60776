import { api, ApiError } from './api.js';
import { clockTime, h, replaceContent } from './dom.js';
import { startSession, type Session, type Theme } from './session.js';
import { caseDetailView } from './views/caseDetail.js';
import { casesView, type CasesViewState } from './views/cases.js';
import { yearView } from './views/year.js';

/**
 * The monitoring tab: open cases, a case's timeline, this year's figures. Routes live in the URL
 * hash so Back works and a case can be linked; the view refreshes itself every minute while the
 * tab is visible, keeping the filter, sort order and focus.
 */

const REFRESH_MS = 60_000;
const main = document.getElementById('main')!;
const status = document.getElementById('status')!;
const who = document.getElementById('who')!;
const casesState: CasesViewState = { filter: 'open', ascending: true };
let yearOffset = 0;
let session: Session;

function applyTheme(theme: Theme): void {
  document.documentElement.dataset.theme = theme;
}

function showProblem(error: unknown): void {
  if (error instanceof ApiError && (error.status === 401 || error.status === 403)) {
    replaceContent(
      main,
      h(
        'section',
        { class: 'denied', 'aria-labelledby': 'denied-heading' },
        h('h2', { id: 'denied-heading' }, error.status === 403 ? 'This tab is not available to you' : 'You are not signed in'),
        h('p', { id: 'denied-reason' }, error.message),
        h('p', {}, 'Nothing about any case has been shown or sent to this page.'),
      ),
    );
    status.textContent = '';
    return;
  }
  const message = error instanceof ApiError ? error.message : 'Something went wrong showing this view. It will try again shortly.';
  status.textContent = message;
}

async function render(): Promise<void> {
  const route = location.hash.replace(/^#\/?/, '');
  const caseMatch = /^case\/(.+)$/.exec(route);
  try {
    if (caseMatch) {
      const caseRef = decodeURIComponent(caseMatch[1]!);
      const detail = await api.caseDetail(session, caseRef);
      replaceContent(
        main,
        caseDetailView(detail, (format, button) => {
          button.disabled = true;
          status.textContent = `Preparing the ${format.toUpperCase()} download…`;
          api
            .download(session, caseRef, format)
            .then(() => (status.textContent = `The ${format.toUpperCase()} history of ${caseRef} has been downloaded.`))
            .catch((error: unknown) => showProblem(error))
            .finally(() => (button.disabled = false));
        }),
      );
    } else if (route === 'year') {
      replaceContent(main, yearView(await api.year(session, yearOffset), yearOffset, (to) => ((yearOffset = to), void render())));
    } else {
      replaceContent(main, casesView(await api.cases(session), casesState, () => void render()));
    }
    for (const link of Array.from(document.querySelectorAll<HTMLAnchorElement>('nav a'))) {
      const current = link.getAttribute('href') === (route === 'year' ? '#/year' : '#/cases');
      if (current) link.setAttribute('aria-current', 'page');
      else link.removeAttribute('aria-current');
    }
    status.textContent = `Updated at ${clockTime(new Date())}. Refreshes every minute.`;
  } catch (error) {
    showProblem(error);
  }
}

function localControls(s: Extract<Session, { mode: 'local' }>): HTMLElement {
  const select = h('select', { id: 'local-user' }, h('option', { value: '' }, 'Choose who you are…'), ...s.people.map((p) => h('option', { value: p.aadObjectId }, `${p.displayName} (${p.roles.join(', ')})${p.allowed ? '' : ' - no access'}`)));
  select.value = s.chosen ?? '';
  select.addEventListener('change', () => {
    s.choose(select.value);
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
    await render();
  } catch (error) {
    who.textContent = '';
    showProblem(error);
  }
}

async function boot(): Promise<void> {
  try {
    session = await startSession();
  } catch {
    replaceContent(main, h('p', {}, 'This page is a Microsoft Teams tab: open it from the team channel or the app in Teams.'));
    return;
  }
  applyTheme(session.theme);
  if (session.mode === 'teams') session.onThemeChange(applyTheme);
  else document.getElementById('banner')!.replaceChildren(localControls(session));
  // After moving to another view, focus its heading so a screen reader announces where you are.
  window.addEventListener('hashchange', () => void render().then(() => main.querySelector<HTMLElement>('h2')?.focus()));
  // Refreshes only while someone can see it; catches up at once when the tab is shown again.
  setInterval(() => {
    if (document.visibilityState === 'visible' && (session.mode === 'teams' || session.chosen)) void render();
  }, REFRESH_MS);
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'visible' && (session.mode === 'teams' || session.chosen)) void render();
  });
  await start();
}

void boot();
