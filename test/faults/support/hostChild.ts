import { spawn, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';
import { freePort } from '../../../local/azurite.js';
import { stopChild } from '../../../local/childProcess.js';

/** Starts test/faults/support/hostProcess.ts as a child process and waits until it listens. */

const ENTRY = resolve(import.meta.dirname, 'hostProcess.ts');
const START_TIMEOUT_MS = 60_000;

/** Never leave a host running after the test process has gone (one listener for them all). */
const running = new Set<ChildProcess>();
process.once('exit', () => running.forEach((child) => child.kill('SIGKILL')));

export type HostChild = {
  url: string;
  port: number;
  child: ChildProcess;
  /** Resolves with the signal (or exit code) the process ended with. */
  ended: Promise<string>;
  stop(): Promise<void>;
};

export type HostChildOptions = {
  configPath: string;
  connectionString: string;
  prefix: string;
  clockAt: string;
  port?: number;
  crashAt?: string;
  graphUrl?: string;
  extraEnv?: Record<string, string>;
};

export async function startHostChild(o: HostChildOptions): Promise<HostChild> {
  const port = o.port ?? (await freePort());
  const child = spawn(process.execPath, ['--import', 'tsx', ENTRY], {
    env: {
      PATH: process.env.PATH ?? '',
      PARTNERSHIP_CONFIG: o.configPath,
      STORAGE_CONNECTION_STRING: o.connectionString,
      TABLE_PREFIX: o.prefix,
      LOCAL_MODE: 'true',
      PUBLIC_BASE_URL: `http://127.0.0.1:${port}`,
      HOST_PORT: String(port),
      CLOCK_AT: o.clockAt,
      ...(o.crashAt ? { FAULT_CRASH_AT: o.crashAt } : {}),
      ...(o.graphUrl ? { FAKE_GRAPH_URL: o.graphUrl } : {}),
      ...o.extraEnv,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.add(child);
  child.once('exit', () => running.delete(child));
  const ended = new Promise<string>((done) => child.once('exit', (code, signal) => done(signal ?? `exit ${code}`)));
  let output = '';
  await new Promise<void>((ready, fail) => {
    // Generous: on a loaded 2-core machine several hosts compile the app with tsx at once. A host
    // that did not start is killed, or it would outlive the test run.
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      fail(new Error(`host did not start within ${START_TIMEOUT_MS / 1000} s:\n${output}`));
    }, START_TIMEOUT_MS);
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('ready ')) {
        clearTimeout(timer);
        ready();
      }
    });
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    void ended.then((how) => {
      clearTimeout(timer);
      fail(new Error(`host ended (${how}) before it was ready:\n${output}`));
    });
  });
  return { url: `http://127.0.0.1:${port}`, port, child, ended, stop: () => stopChild(child) };
}

/** True while the process is still running (not crashed). */
export function alive(host: HostChild): boolean {
  return host.child.exitCode === null && host.child.signalCode === null;
}
