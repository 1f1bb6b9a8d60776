import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';
import { consoleLogger, type Logger } from '../app/ports.js';
import { readEnvironment } from '../functions/environment.js';
import { ConfigurationError } from '../config/configurationError.js';
import { deadlineInWords } from '../workflow/calendar/words.js';
import { startAzurite } from './azurite.js';
import { startLocalHost } from './host.js';
import { startGraphStandIn } from './graphStandIn.js';
import { buildTab } from '../scripts/buildTab.js';
import { installBot, startPlayground } from './playground.js';
import { startLocalSignInAuthority } from './signInAuthority.js';
import { rosterSignInAccounts } from './rosterSignInAccounts.js';
import type { Services } from '../functions/compositionRoot.js';

/**
 * `npm start`: the whole product on this machine. Azurite (storage), the bot's functions on the
 * local host at http://127.0.0.1:3978/api/messages, and the Agents Playground as the Teams client
 * on port 56150, with the sample partnership; a Graph stand-in that keeps the emails sent, and a
 * local sign-in authority for the page those emails link to. Ctrl+C stops everything.
 */

/** The app registration the page an email links to signs in with, here: any id does, the local authority issues for it. */
const LOCAL_CLIENT_ID = '10ca1000-0000-4000-8000-0000000ac700';

const ROOT = resolve(import.meta.dirname, '..');
const BOT_PORT = Number(process.env.BOT_PORT ?? 3978);
const PLAYGROUND_PORT = Number(process.env.PLAYGROUND_PORT ?? 56150);
const AZURITE_PORT = Number(process.env.AZURITE_TABLE_PORT ?? 10002);
/** Where Azurite keeps its data between starts; a test gives a folder of its own, so no earlier start's conversations (another Playground's) linger. */
const AZURITE_LOCATION = resolve(ROOT, process.env.AZURITE_LOCATION ?? '.azurite');

/** Quiet logs for a person at a terminal: warnings and errors only, unless VERBOSE=1. */
const log: Logger = process.env.VERBOSE ? consoleLogger : { ...consoleLogger, info: () => {} };

function canOpenBrowser(): boolean {
  if (process.env.CI || process.env.NO_BROWSER) return false;
  if (process.platform === 'darwin' || process.platform === 'win32') return true;
  if (!process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) return false;
  try {
    execFileSync('which', ['xdg-open'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** What has been started, so a failure part-way (or Ctrl+C) stops it all again. */
const running: { name: string; stop: () => Promise<void> }[] = [];

async function main() {
  const step = (text: string) => process.stdout.write(`• ${text}\n`);
  step(`Starting Azurite (Table storage) on 127.0.0.1:${AZURITE_PORT}, data in ${AZURITE_LOCATION} ...`);
  const azurite = await startAzurite({ location: AZURITE_LOCATION, port: AZURITE_PORT });
  running.push({ name: 'Azurite', stop: () => azurite.stop() });

  // Dispute meetings are booked against a Graph stand-in on loopback, so the escalation path works end to end here.
  const graph = await startGraphStandIn();
  running.push({ name: 'Graph stand-in', stop: () => graph.close() });
  step(`Microsoft Graph stand-in on ${graph.url} (dispute meetings are booked there, their join links lead nowhere; emails it is asked to send are listed at ${graph.url}/local/sent-mail) ...`);
  // The page an email links to signs people in at a local stand-in for Entra, offering everyone on
  // the (live) roster; the services it reads are there once the host is up.
  let services: Services | undefined;
  const signIn = await startLocalSignInAuthority({
    accounts: async () => {
      if (!services) return [];
      await services.roster.refresh().catch(() => undefined);
      return rosterSignInAccounts(services.config);
    },
  });
  running.push({ name: 'sign-in authority', stop: () => signIn.close() });
  step(`Local sign-in authority (a stand-in for Microsoft Entra, for the page an email links to) on ${signIn.authorityHost} ...`);
  const env = readEnvironment({
    ...process.env,
    PARTNERSHIP_CONFIG: process.env.PARTNERSHIP_CONFIG ?? resolve(ROOT, 'config/sample-partnership.json'),
    STORAGE_CONNECTION_STRING: azurite.connectionString,
    LOCAL_MODE: 'true',
    PUBLIC_BASE_URL: `http://127.0.0.1:${BOT_PORT}`,
    GRAPH_AUTH: 'localStandIn',
    GRAPH_BASE_URL: graph.url,
    // Trusted here because this is local mode; production refuses any authority but Entra's (functions/environment.ts).
    TAB_APP_CLIENT_ID: LOCAL_CLIENT_ID,
    ENTRA_AUTHORITY_HOST: signIn.authorityHost,
    ENTRA_JWKS_URL: signIn.jwksUrl,
  });
  step('Building the monitoring tab (dist/tab/) ...');
  await buildTab(ROOT);
  step(`Starting the bot's functions on http://127.0.0.1:${BOT_PORT}/api/messages (local mode: anonymous requests accepted) ...`);
  const host = await startLocalHost({ env, port: BOT_PORT, log });
  running.unshift({ name: 'bot host', stop: () => host.close() });
  services = host.services;

  const openBrowser = canOpenBrowser();
  step(`Starting the Microsoft 365 Agents Playground on http://127.0.0.1:${PLAYGROUND_PORT} ...`);
  const playground = await startPlayground({
    port: PLAYGROUND_PORT,
    botEndpoint: `http://127.0.0.1:${BOT_PORT}/api/messages`,
    configPath: resolve(ROOT, '.m365agentsplayground.yml'),
    workDir: resolve(ROOT, '.playground'),
    openBrowser,
  });
  running.unshift({ name: 'Agents Playground', stop: () => playground.stop() });

  const { config } = host.services;
  step('Adding the bot to the personal chat, the partners\' group chat and the team\'s channels ...');
  for (const conversationId of ['personal-chat-alex', config.channels.decision.conversationId, 'team-sample-scp', config.channels.monitoring.conversationId]) {
    await installBot(playground.url, conversationId);
  }
  // .azurite/ keeps the conversations of an earlier start, whose Playground may have had another
  // port: each must be this Playground's before the bot posts there.
  const here = new URL(playground.url).port;
  const installedHere = async (conversationId: string) => {
    const stored = await host.services.conversations.conversation(conversationId);
    return stored !== undefined && new URL(stored.serviceUrl).port === here;
  };
  await waitFor(async () => (await installedHere(config.channels.monitoring.conversationId)) && (await installedHere(config.channels.decision.conversationId)));

  const now = host.clock.now();
  process.stdout.write(`
Ready: ${config.partnership.name} (sample), local time ${deadlineInWords(now, now)}.

  Open the Playground:  http://127.0.0.1:${PLAYGROUND_PORT}${openBrowser ? '  (opened in your browser)' : ''}
  Bot endpoint:         http://127.0.0.1:${BOT_PORT}/api/messages
  Monitoring tab:       http://127.0.0.1:${BOT_PORT}/tab/index.html  (local mode: pick who you are from the sample roster)
  Emails sent:          ${graph.url}/local/sent-mail  (each email's link opens the page http://127.0.0.1:${BOT_PORT}/act/)
  Email-link sign-in:   ${signIn.authorityHost}  (a stand-in for Entra where you choose whom to sign in as. Its
                        certificate is self-signed: open this address once first and accept the browser's
                        warning, or the page cannot reach it; see the README)

You are Alex Wilber (business unit, and review group chair in this sample). Try:
  1. In the "${config.channels.monitoring.label}" channel of the team, type:  @${'SIN decisions'} new referral
     Fill in the form (case reference such as RR-2026-014; document link on ${config.documentStoreHosts[0]}).
  2. In your personal chat with the bot, draft the initial view on the card that arrived. It is yours and
     the director's together: the partners' card goes once Adele Vance concurs ("Mock an Activity" as
     Adele, verb initialView.concur, with the case reference).
  3. In the "${config.channels.decision.label}" group chat, the partners' card shows each partner's status.
     To reply as a partner, use the Playground's "Mock an Activity" menu with the partner as sender.
  4. Move the local clock so the reply window closes:  type "clock +1d" to the bot (or
     curl -X POST http://127.0.0.1:${BOT_PORT}/api/local/clock -d '{"advanceMs":86400000}').
     Silence becomes deemed agreement and the decision reaches the monitoring channel.
  5. Open the monitoring tab as Alex to see every case, its deadline and status, its timeline,
     and this year's figures; pick Isaiah (police) to see the page that refuses him.
  6. After the rapid review: the partners' decision to hold an LCSPR opens it on your 1:1 card; a case
     closed without a notification offers the learning event, the local review and the actions board
     on its card in the monitoring channel. Move the clock by weeks ("clock +30d") to see the
     reminders, the overdue alerts and the chasers.
  7. People reached by email (Hollis Ward of the hospital trust, in the NHS's own tenant; Robin Youth of a
     youth charity without Microsoft 365, a guest of the partnership) are asked for scoping returns when
     the rapid review is set up with their agency ticked. Open the email's link from the sent-mail list,
     sign in (Hollis "with your organisation's account", Robin "as a guest of the partnership"), and
     record the return on the page.
  Type "help" for every command. Ctrl+C stops everything.
`);

  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    process.stdout.write('\nStopping ...\n');
    await stopAll();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
}

async function waitFor(condition: () => Promise<boolean>, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('The bot was not added to the conversations in time; see .playground/devTools/m365agentsplayground.log');
    await new Promise((r) => setTimeout(r, 200));
  }
}

async function stopAll(): Promise<void> {
  for (const part of running.splice(0)) await part.stop().catch(() => undefined);
}

main().catch(async (error: unknown) => {
  await stopAll();
  // The message says what to do; the stack is for whoever asks for it.
  const detail = error instanceof Error ? (process.env.VERBOSE && !(error instanceof ConfigurationError) ? (error.stack ?? error.message) : error.message) : String(error);
  process.stderr.write(`\nCould not start: ${detail}\n`);
  process.exit(1);
});
