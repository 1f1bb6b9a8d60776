import type { z } from 'zod';
import { ActionsViewSchema, CaseDetailSchema, CaseListSchema, ProblemSchema, ReviewListSchema, ReviewViewSchema, TabUserSchema, YearFiguresSchema } from '../../workflow/monitoring/schemas.js';
import { ApiError } from './apiError.js';
import type { Session } from './session.js';

export { ApiError };

async function getJson<S extends z.ZodType>(session: Session, path: string, schema: S): Promise<z.infer<S>> {
  let headers: Record<string, string>;
  try {
    headers = await session.headers();
  } catch (error) {
    // Teams could not give a token (consent not granted, or sign-in not set up for this app).
    throw new ApiError(401, `Teams could not sign you in to this tab${error instanceof Error && error.message ? ` (${error.message})` : ''}. Ask the partnership's Teams administrator to grant the app's consent.`);
  }
  let response: Response;
  try {
    response = await fetch(path, { headers: { accept: 'application/json', ...headers }, cache: 'no-store' });
  } catch {
    throw new ApiError(0, 'The tab could not reach the service. It will try again shortly.');
  }
  const body: unknown = await response.json().catch(() => undefined);
  if (!response.ok) throw new ApiError(response.status, ProblemSchema.safeParse(body).data?.error ?? `The service answered ${response.status}.`);
  return schema.parse(body);
}

export const api = {
  me: (s: Session) => getJson(s, '/api/tab/me', TabUserSchema),
  cases: (s: Session) => getJson(s, '/api/tab/cases', CaseListSchema),
  caseDetail: (s: Session, caseRef: string) => getJson(s, `/api/tab/cases/${encodeURIComponent(caseRef)}`, CaseDetailSchema),
  year: (s: Session, offset: number) => getJson(s, `/api/tab/year?offset=${offset}`, YearFiguresSchema),
  reviews: (s: Session) => getJson(s, '/api/tab/reviews', ReviewListSchema),
  review: (s: Session, caseRef: string, kind: string) => getJson(s, `/api/tab/reviews/${encodeURIComponent(caseRef)}/${encodeURIComponent(kind)}`, ReviewViewSchema),
  actions: (s: Session) => getJson(s, '/api/tab/actions', ActionsViewSchema),
  download: (session: Session, caseRef: string, format: 'csv' | 'json') => saveFile(session, `/api/tab/cases/${encodeURIComponent(caseRef)}/history.${format}`, `${caseRef}-history.${format}`),
  downloadActions: (session: Session) => saveFile(session, '/api/tab/actions.csv', 'actions.csv'),
};

/** Fetched with the person's token (a plain link could not carry it), then saved as a file. */
async function saveFile(session: Session, path: string, filename: string): Promise<void> {
  const response = await fetch(path, { headers: await session.headers(), cache: 'no-store' });
  if (!response.ok) {
    const body: unknown = await response.json().catch(() => undefined);
    throw new ApiError(response.status, ProblemSchema.safeParse(body).data?.error ?? `The download failed (${response.status}).`);
  }
  const url = URL.createObjectURL(await response.blob());
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
