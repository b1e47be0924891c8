import cluster, { type Worker } from 'node:cluster';
import { config } from './config.js';
import { answerWorkersScrapes } from './modules/ops/cluster-metrics.js';

export interface WorkerPlan {
  /** Workers to keep serving (WEB_CONCURRENCY). */
  count: number;
  /** The database the primary prepared: every worker connects to it. */
  databaseUrl: string;
  say(message: string): void;
  /** Called once, when every worker first listens. */
  ready(): void;
  /** Called once every worker has exited after a stop; it exits the process. */
  afterStop(exitCode: number): Promise<never>;
}

/**
 * The primary of `WEB_CONCURRENCY=N` (issue 20): it serves nothing itself. It forks N workers that
 * serve the port, starts another when one dies after it served, and stops them all (each as
 * graceful-stop.ts says) on SIGINT or SIGTERM, or when a worker dies before it ever listened (a
 * start that fails would fail again: the port taken, the database unreachable).
 */
export function superviseWorkers(plan: WorkerPlan): void {
  const live = new Map<Worker, { listened: boolean }>();
  let everListened = 0;
  let stopping: number | null = null;

  const fork = () =>
    live.set(cluster.fork({ DATABASE_URL: plan.databaseUrl }), { listened: false });

  const stop = (exitCode: number) => {
    if (stopping !== null) return;
    stopping = exitCode;
    if (live.size === 0) void plan.afterStop(exitCode);
    for (const worker of live.keys()) worker.process.kill('SIGTERM');
    // Each worker closes its connections after SHUTDOWN_GRACE_MS; one still there is stuck.
    setTimeout(
      () => {
        for (const worker of live.keys()) worker.process.kill('SIGKILL');
      },
      config.shutdownDelayMs + config.shutdownGraceMs + 5_000,
    ).unref();
  };

  cluster.on('listening', (worker) => {
    const state = live.get(worker);
    if (!state || state.listened) return;
    state.listened = true;
    if (++everListened === plan.count) plan.ready();
  });
  cluster.on('exit', (worker, code, signal) => {
    const listened = live.get(worker)?.listened ?? false;
    live.delete(worker);
    if (stopping !== null) {
      if (live.size === 0) void plan.afterStop(stopping);
      return;
    }
    const how = `worker ${worker.id} (pid ${worker.process.pid}) exited (${signal ?? code})`;
    if (!listened) {
      plan.say(`${how} before it listened: stopping`);
      stop(1);
      return;
    }
    plan.say(`${how}: starting another`);
    fork();
  });
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.removeAllListeners(signal);
    process.once(signal, () => {
      plan.say(`${signal}: stopping ${live.size} worker(s)`);
      stop(0);
    });
  }
  answerWorkersScrapes();
  for (let i = 0; i < plan.count; i++) fork();
}
