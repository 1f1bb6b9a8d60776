import { app, authentication } from '@microsoft/teams-js';
import { LocalPeopleSchema, ProblemSchema, type LocalPeople } from '../../workflow/monitoring/schemas.js';
import { ApiError } from './apiError.js';

/**
 * How the tab proves who is looking. Inside Teams: an SSO token from authentication.getAuthToken,
 * sent as a Bearer token and checked by the API. In the explicit local mode only (the API offers
 * the sample roster only then), a person picked from that roster, sent as a header the API
 * honours only in local mode.
 */

export type Theme = 'default' | 'dark' | 'contrast';
export type Session =
  | { mode: 'teams'; headers(): Promise<Record<string, string>>; theme: Theme; onThemeChange(handler: (theme: Theme) => void): void }
  | { mode: 'local'; people: LocalPeople['people']; chosen: string | undefined; choose(id: string): void; headers(): Promise<Record<string, string>>; theme: Theme };

const LOCAL_KEY = 'sin-tab-local-user';
const asTheme = (value: string | undefined): Theme => (value === 'dark' || value === 'contrast' ? value : 'default');

/**
 * The sample roster in local mode; undefined where there is none (404: not local mode). A service
 * that answers with a problem instead (the case store cannot be reached, say) is reported in its
 * own words, not mistaken for "not local mode".
 */
async function localRoster(): Promise<LocalPeople['people'] | undefined> {
  let response: Response;
  try {
    response = await fetch('/api/tab/local/people', { headers: { accept: 'application/json' } });
  } catch {
    return undefined;
  }
  const body: unknown = await response.json().catch(() => undefined);
  if (response.status === 200) return LocalPeopleSchema.safeParse(body).data?.people;
  const problem = ProblemSchema.safeParse(body).data;
  if (response.status >= 500 && problem) throw new ApiError(response.status, problem.error);
  return undefined;
}

export async function startSession(): Promise<Session> {
  const people = window.parent === window ? await localRoster() : undefined;
  if (people) {
    const params = new URLSearchParams(location.search);
    let chosen = params.get('as') ?? sessionStorage.getItem(LOCAL_KEY) ?? undefined;
    if (chosen && !people.some((p) => p.aadObjectId === chosen)) chosen = undefined;
    const prefersDark = window.matchMedia?.('(prefers-color-scheme: dark)').matches;
    const session: Extract<Session, { mode: 'local' }> = {
      mode: 'local',
      people,
      chosen,
      theme: asTheme(params.get('theme') ?? (prefersDark ? 'dark' : 'default')),
      choose(id) {
        session.chosen = id;
        sessionStorage.setItem(LOCAL_KEY, id);
      },
      headers: async (): Promise<Record<string, string>> => (session.chosen ? { 'x-local-user': session.chosen } : {}),
    };
    return session;
  }
  await app.initialize();
  const context = await app.getContext();
  return {
    mode: 'teams',
    theme: asTheme(context.app.theme),
    // Teams caches the token and renews it before it expires; asking each time is cheap.
    headers: async () => ({ authorization: `Bearer ${await authentication.getAuthToken()}` }),
    onThemeChange: (handler) => app.registerOnThemeChangeHandler((theme) => handler(asTheme(theme))),
  };
}
