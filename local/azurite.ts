import { spawn, type ChildProcess } from 'node:child_process';
import { stopChild } from './childProcess.js';
import { createRequire } from 'node:module';
import { mkdir } from 'node:fs/promises';
import { connect, createServer } from 'node:net';

/**
 * Starts Azurite's Table service (the official Azure Storage emulator, from npm) as a child
 * process, for `npm start` and the tests. Storage tests use this real emulator, never a fake.
 */

const ACCOUNT = 'devstoreaccount1';
// Azurite's fixed, publicly documented development key: not a secret.
const KEY = 'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==';

export type RunningAzurite = { connectionString: string; port: number; stop(): Promise<void>; process: ChildProcess };

export function azuriteConnectionString(port: number): string {
  return `DefaultEndpointsProtocol=http;AccountName=${ACCOUNT};AccountKey=${KEY};TableEndpoint=http://127.0.0.1:${port}/${ACCOUNT};`;
}

async function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/**
 * `location` keeps the data between runs (npm start); without it the data lives in memory (tests).
 * `oauth` serves HTTPS with the given certificate and accepts Entra bearer tokens (Azurite checks
 * their issuer, audience and lifetime, not their signature), as the production-mode test needs.
 */
export async function startAzurite(options: { location?: string; port?: number; oauth?: { certPath: string; keyPath: string } }): Promise<RunningAzurite> {
  const port = options.port ?? (await freePort());
  const bin = createRequire(import.meta.url).resolve('azurite/dist/src/table/main.js');
  // Telemetry off: Azurite would otherwise send usage data off this machine.
  const args = [bin, '--tableHost', '127.0.0.1', '--tablePort', String(port), '--skipApiVersionCheck', '--disableProductStyleUrl', '--disableTelemetry', '--silent'];
  if (options.location) {
    await mkdir(options.location, { recursive: true });
    args.push('--location', options.location);
  } else {
    args.push('--inMemoryPersistence');
  }
  if (options.oauth) args.push('--oauth', 'basic', '--cert', options.oauth.certPath, '--key', options.oauth.keyPath);
  if (options.port !== undefined && !(await portIsFree(port))) {
    throw new Error(`Port ${port} is in use (another Azurite or npm start?): stop it, or set AZURITE_TABLE_PORT to another port.`);
  }
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  // Never leave an emulator running after the process that started it has gone.
  process.once('exit', () => child.kill('SIGKILL'));
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  await waitForPort(port, child, () => output, options.oauth ? 'tcp' : 'http');
  return {
    connectionString: azuriteConnectionString(port),
    port,
    process: child,
    stop: () => stopChild(child),
  };
}

/** A TCP connection that is accepted: the HTTPS listener is up (its certificate is not trusted here). */
function accepts(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => (socket.destroy(), resolve(true)));
    socket.once('error', () => resolve(false));
  });
}

async function waitForPort(port: number, child: ChildProcess, output: () => string, probe: 'http' | 'tcp'): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`Azurite exited (code ${child.exitCode}):\n${output()}`);
    if (probe === 'tcp') {
      if (await accepts(port)) return;
      await new Promise((resolve) => setTimeout(resolve, 100));
      continue;
    }
    try {
      const response = await fetch(`http://127.0.0.1:${port}/${ACCOUNT}/Tables`, { headers: { accept: 'application/json' } });
      // Any HTTP answer (403 without a signature) means the service is listening.
      if (response.status > 0) return;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  child.kill('SIGKILL');
  throw new Error(`Azurite did not start on port ${port} within 30 s:\n${output()}`);
}
