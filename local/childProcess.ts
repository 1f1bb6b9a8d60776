import type { ChildProcess } from 'node:child_process';

/** Stops a child process and waits for it to go; at once if it has already exited or been killed. */
export function stopChild(child: ChildProcess): Promise<void> {
  return new Promise<void>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}
