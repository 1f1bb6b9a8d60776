import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { azuriteConnectionString, freePort } from '../local/azurite.js';
import type { ChildReply, ChildRequest, ReplicateRequest } from './azuriteChild.js';

/**
 * Starts Azurite's Table service in memory in a child process (bench/azuriteChild.ts). Why not
 * local/azurite.ts: it starts Azurite's CLI without --disableTelemetry, and Azurite then sends
 * usage telemetry to Application Insights, off this machine; the bench uses loopback only. The
 * server code and every other option are the same.
 */

type Request = Omit<ReplicateRequest, 'id'> | { type: 'stats' } | { type: 'profileStart' } | { type: 'profileStop'; file: string } | { type: 'shutdown' };

export type BenchAzurite = {
  connectionString: string;
  port: number;
  pid: number;
  /** Copies template rows (already written through the API) into many partitions, inside Azurite. */
  replicate(request: Omit<ReplicateRequest, 'id' | 'type'>): Promise<{ inserted: number; ms: number }>;
  stats(): Promise<{ rssBytes: number; collections: { name: string; count: number }[] }>;
  /** A CPU profile of Azurite between these two calls, written as a .cpuprofile file. */
  profileStart(): Promise<void>;
  profileStop(file: string): Promise<void>;
  stop(): Promise<void>;
};

export async function startBenchAzurite(options: { maxOldSpaceMb?: number } = {}): Promise<BenchAzurite> {
  const port = await freePort();
  const child: ChildProcess = spawn(
    process.execPath,
    [`--max-old-space-size=${options.maxOldSpaceMb ?? 6144}`, '--import', 'tsx', fileURLToPath(new URL('./azuriteChild.ts', import.meta.url)), String(port)],
    { stdio: ['ignore', 'pipe', 'pipe', 'ipc'] },
  );
  process.once('exit', () => child.kill('SIGKILL'));
  let output = '';
  child.stdout?.on('data', (c: Buffer) => (output += c.toString()));
  child.stderr?.on('data', (c: Buffer) => (output += c.toString()));

  let nextId = 1;
  const waiting = new Map<number, { resolve: (r: ChildReply) => void; reject: (e: Error) => void }>();
  child.on('message', (reply: ChildReply) => {
    const w = waiting.get(reply.id);
    if (!w) return;
    waiting.delete(reply.id);
    w.resolve(reply);
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  void exited.then(() => {
    for (const w of waiting.values()) w.reject(new Error(`Azurite exited:\n${output.slice(-2000)}`));
    waiting.clear();
  });

  const ready = new Promise<ChildReply>((resolve, reject) => waiting.set(0, { resolve, reject }));
  const timeout = setTimeout(() => child.kill('SIGKILL'), 60_000);
  await ready.finally(() => clearTimeout(timeout));

  const ask = (request: Request, timeoutMs = 300_000): Promise<ChildReply> => {
    const id = nextId++;
    return new Promise<ChildReply>((resolve, reject) => {
      const timer = setTimeout(() => {
        waiting.delete(id);
        reject(new Error(`Azurite did not answer ${request.type} within ${timeoutMs} ms`));
      }, timeoutMs);
      waiting.set(id, {
        resolve: (r) => {
          clearTimeout(timer);
          resolve(r);
        },
        reject: (e) => {
          clearTimeout(timer);
          reject(e);
        },
      });
      child.send({ ...request, id } as ChildRequest);
    });
  };

  return {
    connectionString: azuriteConnectionString(port),
    port,
    pid: child.pid ?? 0,
    async replicate(request) {
      const reply = await ask({ type: 'replicate', ...request });
      if (!reply.ok) throw new Error(reply.error);
      return { inserted: reply.inserted ?? 0, ms: reply.ms ?? 0 };
    },
    async stats() {
      const reply = await ask({ type: 'stats' });
      if (!reply.ok) throw new Error(reply.error);
      return { rssBytes: reply.rssBytes ?? 0, collections: reply.collections ?? [] };
    },
    async profileStart() {
      const reply = await ask({ type: 'profileStart' });
      if (!reply.ok) throw new Error(reply.error);
    },
    async profileStop(file) {
      const reply = await ask({ type: 'profileStop', file });
      if (!reply.ok) throw new Error(reply.error);
    },
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      await Promise.race([ask({ type: 'shutdown' }, 10_000).catch(() => undefined), exited]);
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      await exited;
    },
  };
}
