import { connect, createServer, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import { azuriteConnectionString } from '../../local/azurite.js';

/**
 * A real storage endpoint that can be made unreachable: a TCP relay in front of the run's Azurite.
 * Services are built through it while it is up; `cut()` closes its port and drops every open
 * connection, so from then on every storage call meets a closed local port (ECONNREFUSED), as in
 * an outage. Nothing is mocked: the storage SDK, its retries and the handlers run as in production.
 */
export type StorageSwitch = { connectionString: string; cut(): Promise<void> };

export async function storageSwitch(azuritePort: number): Promise<StorageSwitch> {
  const open = new Set<Socket>();
  const relay = createServer((client) => {
    const upstream = connect(azuritePort, '127.0.0.1');
    for (const socket of [client, upstream]) {
      open.add(socket);
      socket.on('close', () => open.delete(socket));
      socket.on('error', () => socket.destroy());
    }
    client.pipe(upstream).pipe(client);
    client.on('close', () => upstream.destroy());
    upstream.on('close', () => client.destroy());
  });
  await new Promise<void>((resolve) => relay.listen(0, '127.0.0.1', resolve));
  const { port } = relay.address() as AddressInfo;
  return {
    connectionString: azuriteConnectionString(port),
    cut: async () => {
      const closed = new Promise<void>((resolve) => relay.close(() => resolve()));
      for (const socket of open) socket.destroy();
      await closed;
    },
  };
}
