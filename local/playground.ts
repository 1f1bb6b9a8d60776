import { spawn, type ChildProcess } from 'node:child_process';
import { stopChild } from './childProcess.js';
import { createRequire } from 'node:module';
import { mkdir } from 'node:fs/promises';

/**
 * The Microsoft 365 Agents Playground (npm, works offline) as the Teams client for local mode and
 * the end-to-end test. It sends no JWT, which the bot accepts only in the explicit local mode.
 * Facts verified against version 0.2.28 (pinned in package.json): it needs
 * TEAMSAPPTESTER_BROWSER=none where no browser can be opened; it is ready when
 * /_internal/v1/testConfig answers; it sends nothing until a conversation is "installed".
 */

export type RunningPlayground = { url: string; port: number; process: ChildProcess; stop(): Promise<void> };

export async function startPlayground(options: {
  port: number;
  botEndpoint: string;
  configPath: string;
  /** Its log file (devTools/) is written under this folder. */
  workDir: string;
  openBrowser: boolean;
}): Promise<RunningPlayground> {
  await mkdir(options.workDir, { recursive: true });
  const cli = createRequire(import.meta.url).resolve('@microsoft/m365agentsplayground/cli.js');
  const env: NodeJS.ProcessEnv = { ...process.env, M365_AGENTS_PLAYGROUND_CONFIG_PATH: options.configPath };
  if (!options.openBrowser) env.TEAMSAPPTESTER_BROWSER = 'none';
  // Credentials in the environment would switch on token checks the local bot cannot meet.
  for (const key of ['AUTH_CLIENT_ID', 'AUTH_CLIENT_SECRET', 'AUTH_TENANT_ID']) delete env[key];
  const child = spawn(process.execPath, [cli, '--disable-telemetry', '-p', String(options.port), '-e', options.botEndpoint], { cwd: options.workDir, env, stdio: ['ignore', 'pipe', 'pipe'] });
  process.once('exit', () => child.kill('SIGKILL'));
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));

  // A busy port makes it pick another one silently: read the real port from its first line.
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`The Agents Playground did not start within 30 s:\n${output}`)), 30_000);
    const check = () => {
      const match = /Listening on (\d+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(Number(match[1]));
      }
    };
    child.stdout?.on('data', check);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`The Agents Playground exited (code ${code}); see ${options.workDir}/devTools/m365agentsplayground.log\n${output}`));
    });
  });
  if (port !== options.port) {
    child.kill('SIGTERM');
    throw new Error(`Port ${options.port} is in use, so the Agents Playground could not start there. Stop whatever uses it (another npm start?) and try again.`);
  }
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`The Agents Playground exited (code ${child.exitCode}); see ${options.workDir}/devTools/m365agentsplayground.log`);
    try {
      if ((await fetch(`${url}/_internal/v1/testConfig`)).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error('The Agents Playground did not become ready within 30 s');
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return {
    url,
    port,
    process: child,
    stop: () => stopChild(child),
  };
}

/** Adds the bot to a conversation, as Teams does when the app is installed there. */
export async function installBot(playgroundUrl: string, conversationId: string): Promise<void> {
  const response = await fetch(`${playgroundUrl}/_debug/conversation/${encodeURIComponent(conversationId)}/installation`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
  if (!response.ok) throw new Error(`Installing the bot in ${conversationId} failed: ${response.status} ${await response.text()}`);
}
