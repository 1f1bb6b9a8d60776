import { app } from '@azure/functions';
import { consoleLogger } from '../app/ports.js';
import { buildServices, withLiveRoster, type Services } from './compositionRoot.js';
import { readEnvironment } from './environment.js';
import { createHandlers } from './handlers.js';
import { createStaticAssets } from './staticAssets.js';
import { createTabHandlers } from './tabHandlers.js';
import { createActHandlers } from './actHandlers.js';
import { createRosterHandlers } from './rosterHandlers.js';

/**
 * Azure Functions registration (v4 programming model). Services are built on the first
 * invocation of an instance and reused; a build failure (invalid configuration) is retried on the
 * next invocation rather than cached, after logging every problem.
 */
let services: Promise<Services> | undefined;
function getServices(): Promise<Services> {
  services ??= buildServices(readEnvironment(process.env), { clock: { now: () => new Date() }, log: consoleLogger }).catch((error: unknown) => {
    services = undefined;
    throw error;
  });
  return services;
}

// The request body reaches the handlers as it streams (the host does not buffer it first), so the
// messages function can stop reading an oversized activity sent without a content-length.
app.setup({ enableHttpStream: true });

// Every request reads the roster's latest version first (app/liveRoster.ts).
const live = withLiveRoster(getServices);
const handlers = createHandlers(live);
const tab = createTabHandlers(live);
const act = createActHandlers(live);
const roster = createRosterHandlers(live);
const assets = createStaticAssets({ localMode: process.env.LOCAL_MODE === 'true', ...(process.env.ENTRA_AUTHORITY_HOST ? { authorityHost: process.env.ENTRA_AUTHORITY_HOST } : {}) });

// host.json sets an empty route prefix, so the tab's pages sit at the paths the manifest names.
app.http('messages', { route: 'api/messages', methods: ['POST'], authLevel: 'anonymous', handler: handlers.messages });
app.http('caseHistory', { route: 'api/cases/{caseRef}/history.{format}', methods: ['GET'], authLevel: 'anonymous', handler: handlers.caseHistory });
app.http('tabMe', { route: 'api/tab/me', methods: ['GET'], authLevel: 'anonymous', handler: tab.me });
app.http('tabCases', { route: 'api/tab/cases', methods: ['GET'], authLevel: 'anonymous', handler: tab.cases });
app.http('tabCase', { route: 'api/tab/cases/{caseRef}', methods: ['GET'], authLevel: 'anonymous', handler: tab.caseDetail });
app.http('tabHistory', { route: 'api/tab/cases/{caseRef}/history.{format}', methods: ['GET'], authLevel: 'anonymous', handler: tab.history });
app.http('tabReviews', { route: 'api/tab/reviews', methods: ['GET'], authLevel: 'anonymous', handler: tab.reviews });
app.http('tabReview', { route: 'api/tab/reviews/{caseRef}/{kind}', methods: ['GET'], authLevel: 'anonymous', handler: tab.review });
app.http('tabActions', { route: 'api/tab/actions', methods: ['GET'], authLevel: 'anonymous', handler: tab.actions });
app.http('tabActionsExport', { route: 'api/tab/actions.csv', methods: ['GET'], authLevel: 'anonymous', handler: tab.actionsExport });
app.http('tabYear', { route: 'api/tab/year', methods: ['GET'], authLevel: 'anonymous', handler: tab.year });
app.http('tabLocalPeople', { route: 'api/tab/local/people', methods: ['GET'], authLevel: 'anonymous', handler: tab.localPeople });
// The roster page (functions/rosterHandlers.ts).
app.http('tabRoster', { route: 'api/tab/roster', methods: ['GET', 'PUT'], authLevel: 'anonymous', handler: (request) => (request.method === 'PUT' ? roster.change(request) : roster.read(request)) });
app.http('tabRosterHistory', { route: 'api/tab/roster/history', methods: ['GET'], authLevel: 'anonymous', handler: roster.history });
app.http('tabRosterExport', { route: 'api/tab/roster/history.{format}', methods: ['GET'], authLevel: 'anonymous', handler: roster.download });
app.http('tabRosterChannels', { route: 'api/tab/roster/channels', methods: ['GET', 'PUT'], authLevel: 'anonymous', handler: (request) => (request.method === 'PUT' ? roster.changeChannels(request) : roster.channels(request)) });
app.http('tabRosterAbsence', { route: 'api/tab/roster/absence', methods: ['POST'], authLevel: 'anonymous', handler: roster.absence });
app.http('tabAssets', { route: 'tab/{file}', methods: ['GET'], authLevel: 'anonymous', handler: assets });
// The page an email links to, and its API (functions/actHandlers.ts).
app.http('actConfig', { route: 'api/act/config', methods: ['GET'], authLevel: 'anonymous', handler: act.config });
app.http('actCase', { route: 'api/act/case', methods: ['GET'], authLevel: 'anonymous', handler: act.view });
app.http('act', { route: 'api/act', methods: ['POST'], authLevel: 'anonymous', handler: act.act });
app.http('actPage', { route: 'act/{*file}', methods: ['GET'], authLevel: 'anonymous', handler: assets });
app.http('privacyPage', { route: 'privacy.html', methods: ['GET'], authLevel: 'anonymous', handler: assets });
app.http('termsPage', { route: 'terms.html', methods: ['GET'], authLevel: 'anonymous', handler: assets });
app.timer('deadlineSweep', { schedule: '0 * * * * *', handler: handlers.deadlineSweep });
