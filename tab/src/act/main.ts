import { AdaptiveCard, ExecuteAction, type Action } from 'adaptivecards';
import { z } from 'zod';
import { ProblemSchema } from '../../../workflow/monitoring/schemas.js';
import { ActConfigSchema, startSignIn, type SignIn } from './signIn.js';

/**
 * The page an email links to (`/act/?case=…&do=…`): signs the person in, then shows the card the
 * bot would show them for that request, rendered from the card's own JSON with the Adaptive Cards
 * library, so the page and Teams offer the same fields and buttons from one source. A button sends
 * the card's verb and data to the API; the answer (the case card with what was recorded, or a
 * refusal in words) replaces the card. The page sends only what the link's request allows: the
 * server takes that request's verbs, on that case, and nothing else.
 */

const main = document.getElementById('main')!;
const status = document.getElementById('status')!;
const who = document.getElementById('who')!;
const CardAnswerSchema = z.object({ card: z.record(z.string(), z.unknown()) });

function say(title: string, text: string, role: 'status' | 'alert' = 'status'): void {
  const box = document.createElement('section');
  box.className = 'message';
  box.setAttribute('role', role);
  const heading = document.createElement('h2');
  heading.textContent = title;
  const body = document.createElement('p');
  body.textContent = text;
  box.append(heading, body);
  main.replaceChildren(box);
}

async function call(signIn: SignIn, path: string, init: RequestInit = {}): Promise<Record<string, unknown> | undefined> {
  const token = await signIn.token();
  if (!token) {
    offerSignIn(signIn);
    return undefined;
  }
  let response: Response;
  try {
    response = await fetch(path, { ...init, headers: { accept: 'application/json', authorization: `Bearer ${token}`, ...(init.body ? { 'content-type': 'application/json' } : {}) }, cache: 'no-store' });
  } catch {
    say('Not reached', 'The service could not be reached. Nothing was recorded. Please try again in a minute.', 'alert');
    return undefined;
  }
  const body: unknown = await response.json().catch(() => undefined);
  if (!response.ok) {
    say(response.status === 403 ? 'Not available' : 'Could not continue', ProblemSchema.safeParse(body).data?.error ?? `The service answered ${response.status}. Nothing was recorded.`, 'alert');
    return undefined;
  }
  return CardAnswerSchema.parse(body).card;
}

/**
 * The cards' text uses Teams' markdown for bold (deadlines, decisions). Rendered as <strong> from
 * escaped text, so nothing a person typed (a rationale quoted on the card) can become markup.
 */
AdaptiveCard.onProcessMarkdown = (text, result) => {
  const escaped = text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
  result.outputHtml = escaped.replace(/\*\*(.+?)\*\*/g, '<strong>$1</strong>');
  result.didProcess = true;
};

/** `link` is the request the email's link named: each submission names it again, and the server takes only that request's verbs. */
function showCard(signIn: SignIn, link: URLSearchParams, json: Record<string, unknown>): void {
  const card = new AdaptiveCard();
  card.onExecuteAction = (action: Action) => {
    if (!(action instanceof ExecuteAction)) return;
    status.textContent = 'Sending…';
    void call(signIn, `/api/act?${link.toString()}`, { method: 'POST', body: JSON.stringify({ verb: action.verb, data: action.data ?? {} }) }).then((answer) => {
      status.textContent = answer ? 'Answered: see the card below.' : '';
      if (answer) showCard(signIn, link, answer);
    });
  };
  card.parse(json);
  const rendered = card.render();
  const holder = document.createElement('section');
  holder.className = 'card';
  holder.setAttribute('aria-label', 'The case card');
  if (rendered) holder.append(rendered);
  main.replaceChildren(holder);
  (main.querySelector('.ac-textBlock') as HTMLElement | null)?.setAttribute('tabindex', '-1');
}

function offerSignIn(signIn: SignIn): void {
  const box = document.createElement('section');
  box.className = 'message';
  const heading = document.createElement('h2');
  heading.textContent = 'Sign in to act on this case';
  const choice = (label: string, text: string, where: 'home' | 'partnership') => {
    const button = document.createElement('button');
    button.type = 'button';
    button.textContent = label;
    button.addEventListener('click', () => void signIn.signIn(where));
    const help = document.createElement('p');
    help.textContent = text;
    return [button, help];
  };
  box.append(
    heading,
    ...choice('Sign in with your organisation’s account', 'If your organisation uses Microsoft 365 (a council, the police, the NHS): your usual work account.', 'home'),
    ...choice('Sign in as a guest of the partnership', 'If the partnership invited you as a guest (for example if your organisation has no Microsoft 365): the email address the invitation went to; you may be sent a one-time code.', 'partnership'),
  );
  main.replaceChildren(box);
}

async function start(): Promise<void> {
  const response = await fetch('/api/act/config', { cache: 'no-store' }).catch(() => undefined);
  const body: unknown = await response?.json().catch(() => undefined);
  const config = ActConfigSchema.safeParse(body);
  if (!config.success) return say('Not available', ProblemSchema.safeParse(body).data?.error ?? 'Signing in from an email link is not set up here. Please use Microsoft Teams, or contact the business unit.', 'alert');
  document.title = `${config.data.partnership}: act on a case`;
  const signIn = await startSignIn(config.data);
  const link = new URLSearchParams(signIn.query);
  if (!link.get('case') || !link.get('do')) return say('Nothing to act on', 'This address does not name a case. Please use the link in the email as it was sent.', 'alert');
  if (!signIn.account) return offerSignIn(signIn);
  who.textContent = `Signed in as ${signIn.account.name ?? signIn.account.username}.`;
  const card = await call(signIn, `/api/act/case?${link.toString()}`);
  if (card) showCard(signIn, link, card);
}

start().catch((error: unknown) => say('Could not sign you in', `${error instanceof Error ? error.message : String(error)}. Nothing was recorded.`, 'alert'));
