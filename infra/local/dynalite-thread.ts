import { Worker } from 'node:worker_threads';

/**
 * dynalite on a worker thread (`dynalite-worker.js`), reached two ways: its loopback HTTP port, and an SDK
 * request handler that passes each request to the worker by message — no socket, no SigV4 — where dynalite's
 * own request listener answers it. The SDK client still builds, serialises, retries and parses every call as
 * on AWS; only the wire is replaced.
 */

/** The request the SDK hands its HTTP handler (the fields this handler reads). */
interface SdkRequest {
  headers: Record<string, string>;
  body?: unknown;
}

/** What the SDK expects back from its HTTP handler. */
interface SdkResponse {
  response: { statusCode: number; headers: Record<string, string>; body: Uint8Array };
}

/** An SDK `requestHandler` that answers through the worker. */
export interface WorkerRequestHandler {
  handle(request: SdkRequest): Promise<SdkResponse>;
  updateHttpClientConfig(): void;
  httpHandlerConfigs(): Record<string, never>;
  destroy(): void;
}

/** A running dynalite thread. */
export interface DynaliteThread {
  /** Its HTTP endpoint (the SDK-over-HTTP path, and outside tools). */
  endpoint: string;
  /** The fast path: pass as the DynamoDB client's `requestHandler`. */
  requestHandler: WorkerRequestHandler;
  close(): Promise<void>;
}

/** Options of dynalite (see its README). */
export interface DynaliteOptions {
  path?: string;
  createTableMs?: number;
  deleteTableMs?: number;
  updateTableMs?: number;
}

type FromWorker =
  | { type: 'listening'; port: number }
  | { type: 'closed'; error?: string }
  | { type: 'response'; id: number; status: number; headers: Record<string, string>; body: string };

const bodyText = (body: unknown): string => {
  if (body === undefined || body === null) return '';
  if (typeof body === 'string') return body;
  if (body instanceof Uint8Array)
    return Buffer.from(body.buffer, body.byteOffset, body.byteLength).toString();
  throw new Error('The dynalite thread takes string or byte request bodies only');
};

/** Starts dynalite on a worker thread, listening on `port` (0: any free one) of 127.0.0.1. */
export async function startDynaliteThread(options: DynaliteOptions, port = 0): Promise<DynaliteThread> {
  const worker = new Worker(new URL('./dynalite-worker.js', import.meta.url), {
    workerData: { options, port },
  });
  const pending = new Map<number, (response: SdkResponse) => void>();
  const failures = new Map<number, (error: Error) => void>();
  let nextId = 0;
  let failed: Error | undefined;
  let onListening: ((port: number) => void) | undefined;
  let onClosed: ((error?: string) => void) | undefined;
  const encoder = new TextEncoder();

  worker.on('message', (message: FromWorker) => {
    if (message.type === 'response') {
      const resolve = pending.get(message.id);
      pending.delete(message.id);
      failures.delete(message.id);
      resolve?.({
        response: {
          statusCode: message.status,
          headers: message.headers,
          body: encoder.encode(message.body),
        },
      });
    } else if (message.type === 'listening') onListening?.(message.port);
    else onClosed?.(message.error);
  });
  // A crash of the store fails every call in flight, and every later one, instead of hanging them.
  const fail = (error: Error) => {
    failed = error;
    for (const reject of failures.values()) reject(error);
    pending.clear();
    failures.clear();
  };
  worker.on('error', fail);
  worker.on('exit', (code) => fail(new Error(`The dynalite thread exited (code ${code})`)));

  const listening = await new Promise<number>((resolve, reject) => {
    onListening = resolve;
    worker.once('error', reject);
  });

  const requestHandler: WorkerRequestHandler = {
    handle(request) {
      if (failed) return Promise.reject(failed);
      const id = nextId++;
      return new Promise<SdkResponse>((resolve, reject) => {
        pending.set(id, resolve);
        failures.set(id, reject);
        worker.postMessage({ type: 'request', id, headers: request.headers, body: bodyText(request.body) });
      });
    },
    updateHttpClientConfig() {},
    httpHandlerConfigs: () => ({}),
    destroy() {},
  };

  return {
    endpoint: `http://127.0.0.1:${listening}`,
    requestHandler,
    async close() {
      if (failed) return;
      const closed = new Promise<string | undefined>((resolve) => {
        onClosed = resolve;
      });
      worker.postMessage({ type: 'close' });
      const error = await closed;
      worker.removeAllListeners('exit');
      await worker.terminate();
      if (error) throw new Error(`dynalite did not close cleanly: ${error}`);
    },
  };
}
