import type http from 'node:http';
import net from 'node:net';
import type express from 'express';

export interface StopOutcome {
  /** Requests that arrived after the stop began, answered 503 without being run. */
  turnedAway: number;
  /** Connections still open at the deadline, destroyed (each one a client that got no answer). */
  forced: number;
  /** How long the stop took, the delay included. */
  ms: number;
}

export interface StopTimes {
  /**
   * How long readiness says "stopping" while requests are still served (each answer closing its
   * connection): time for a balancer that polls /ready to send nothing more. 0: none.
   */
  delayMs: number;
  /** After the delay, how long open connections get before they are destroyed. */
  graceMs: number;
}

/** The listener closes once no request is in flight and none has come or been answered for this long. */
const quietMs = 100;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Stopping an HTTP server without resetting a connection (issue 19, finding 5). Measured under
 * twelve clients in another process, ten stops each (graceful-stop.test.ts):
 *
 * - Node's `server.close()` and Apollo's drain plugin destroy every connection with no request in
 *   progress, among them one accepted a moment ago whose request is still unread: its client
 *   sees a reset after sending. 1 to 6 resets a stop.
 * - Closing the listener first, as the issue proposed, is no better: Linux resets every
 *   connection still waiting in the listener's accept queue when it closes, and under load a
 *   busy event loop leaves several there. 5 or 6 a stop.
 *
 * So the stop turns new requests away rather than connections: from the moment it begins (after
 * the delay) a request that arrives is answered 503 SERVICE_UNAVAILABLE with Retry-After and
 * `Connection: close`, at once and without being run, so its client knows that nothing was done
 * and can send it again elsewhere or later. Requests already running finish. The listener closes
 * once no connection has come for `quietMs` (the accept queue is then empty), and an idle
 * keep-alive connection ends at the keep-alive timeout the server announced, the one moment its
 * client knows not to reuse it. Measured through ten SIGTERMs of real processes under clients that
 * ignore /ready (`npm run battery`), with a test suite and other work on the same two cores: 1
 * reset when the quiet counted connections only (a write answered late, its client connecting
 * again as the listener closed); the quiet now also waits for the last answer. What is still open at the deadline is destroyed and counted.
 */
export function gracefulStopper(server: http.Server) {
  const sockets = new Set<net.Socket>();
  const inFlight = new Set<http.ServerResponse>();
  const state = { stopping: false, turningAway: false, turnedAway: 0, lastActivity: 0 };
  server.on('connection', (socket: net.Socket) => {
    state.lastActivity = performance.now();
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  });
  // Before the app's own listener, which may answer at once.
  server.prependListener('request', (_req: http.IncomingMessage, res: http.ServerResponse) => {
    if (state.stopping) res.setHeader('Connection', 'close');
    inFlight.add(res);
    res.once('close', () => {
      inFlight.delete(res);
      // A client answered may send again at once, on a new connection: that counts as activity.
      state.lastActivity = performance.now();
    });
  });

  /** Express middleware, first in line: a request that comes once the stop has begun is not run. */
  const turnAway: express.RequestHandler = (req, res, next) => {
    if (!state.turningAway || req.path === '/health' || req.path === '/ready') return next();
    state.turnedAway++;
    res.setHeader('Retry-After', '1');
    res.status(503).json({
      errors: [
        {
          message: 'The server is stopping: nothing was done; send the request again',
          extensions: { code: 'SERVICE_UNAVAILABLE', retryAfterSeconds: 1 },
        },
      ],
    });
  };

  async function stop({ delayMs, graceMs }: StopTimes): Promise<StopOutcome> {
    const started = performance.now();
    state.stopping = true;
    for (const res of inFlight) if (!res.headersSent) res.setHeader('Connection', 'close');
    if (delayMs > 0) await sleep(delayMs);
    state.turningAway = true;
    const deadline = performance.now() + graceMs;
    // Checked after the event loop's poll phase (setImmediate), which accepts every connection
    // waiting: a timer alone runs before it, and after a stall would see a quiet that is not.
    const afterPoll = () => new Promise((resolve) => setImmediate(resolve));
    await afterPoll();
    // Quiet: no request in flight, and none answered and no connection come for `quietMs`.
    const busy = () => inFlight.size > 0 || performance.now() - state.lastActivity < quietMs;
    while (busy() && performance.now() < deadline) {
      await sleep(quietMs / 4);
      await afterPoll();
    }
    const closed = new Promise<void>((resolve) => {
      // The listener only: http.Server's own close() would destroy the connections it calls idle.
      net.Server.prototype.close.call(server, () => resolve());
    });
    let forced = 0;
    const timer = setTimeout(
      () => {
        forced = sockets.size;
        for (const socket of sockets) socket.destroy();
      },
      Math.max(0, deadline - performance.now()),
    );
    await closed;
    clearTimeout(timer);
    return {
      turnedAway: state.turnedAway,
      forced,
      ms: Math.round(performance.now() - started),
    };
  }
  return { stop, turnAway, isStopping: () => state.stopping };
}
