import { app } from '@azure/functions';
import { consoleLogger } from '../app/ports.js';
import { buildServices, type Services } from './compositionRoot.js';
import { readEnvironment } from './environment.js';
import { createHandlers } from './handlers.js';

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

const handlers = createHandlers(getServices);

app.http('messages', { route: 'messages', methods: ['POST'], authLevel: 'anonymous', handler: handlers.messages });
app.http('caseHistory', { route: 'cases/{caseRef}/history.{format}', methods: ['GET'], authLevel: 'anonymous', handler: handlers.caseHistory });
app.timer('deadlineSweep', { schedule: '0 * * * * *', handler: handlers.deadlineSweep });
