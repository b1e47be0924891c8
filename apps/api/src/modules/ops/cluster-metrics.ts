import cluster from 'node:cluster';
import { AggregatorRegistry, type Registry } from 'prom-client';

// With WEB_CONCURRENCY=N each scrape reaches one worker, chosen by the kernel: the worker asks the
// primary, which gathers every worker's registry (prom-client's AggregatorRegistry, over the
// cluster's IPC channel) and answers their sum. Counters, histograms and the pools add up; the
// gauges read from the database say `aggregator: 'first'` (each worker reads the same rows).

const request = 'deped:metrics-request';
const response = 'deped:metrics-response';
const timeoutMs = 5_000;

interface Answer {
  type: typeof response;
  id: number;
  text?: string;
  error?: string;
}

/** In a worker: its registry is the one the primary gathers. Elsewhere nothing. */
export function shareWithPrimary(registry: Registry): void {
  if (!cluster.isWorker) return;
  // Constructing one adds prom-client's listener for the primary's requests.
  new AggregatorRegistry();
  AggregatorRegistry.setRegistries([registry]);
}

/** In the primary of a cluster: answers the workers' scrapes with every worker's metrics. */
export function answerWorkersScrapes(): void {
  const aggregator = new AggregatorRegistry();
  cluster.on('message', (worker, message: { type?: string; id?: number }) => {
    if (message?.type !== request) return;
    const reply = (fields: Partial<Answer>) =>
      worker.isConnected() && worker.send({ type: response, id: message.id, ...fields });
    aggregator.clusterMetrics().then(
      (text) => reply({ text }),
      (error: unknown) => reply({ error: String(error) }),
    );
  });
}

let nextId = 0;
const waiting = new Map<number, (answer: Answer) => void>();

/** The text of a scrape: every worker's when this is a cluster worker, else this process's. */
export function scrapeText(registry: Registry): Promise<string> {
  if (!cluster.isWorker) return registry.metrics();
  if (waiting.size === 0) process.on('message', onAnswer);
  const id = nextId++;
  return new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => settle({ type: response, id, error: 'timed out' }), timeoutMs);
    const settle = (answer: Answer) => {
      clearTimeout(timer);
      waiting.delete(id);
      if (waiting.size === 0) process.off('message', onAnswer);
      if (answer.text !== undefined) resolve(answer.text);
      else reject(new Error(`the cluster's metrics: ${answer.error}`));
    };
    waiting.set(id, settle);
    process.send!({ type: request, id });
  });
}

function onAnswer(message: Answer) {
  if (message?.type === response) waiting.get(message.id)?.(message);
}
