import { AddressInfo, createServer } from 'net';

/**
 * A port nothing listens on, chosen by the OS (listen on 0, read it, close). A fixed range would be
 * taken by a leftover process of a killed run, which then answers the new process's health check.
 */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}
