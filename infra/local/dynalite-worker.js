// dynalite in a worker thread: the store's CPU (validation, LevelDB codec, conditions, index upkeep) runs on
// the second core instead of competing with the engine on the main thread. It serves two doors:
//  - its HTTP port (the SDK-over-HTTP path, `ROMACT_DYNAMODB_TRANSPORT=http`, and any outside tool), and
//  - messages from the main thread, handed to the very same request listener with no socket and no SigV4
//    (the fast path). Both doors reach the same handler, so validation, conditions and limits are identical.
// Plain JavaScript: a worker starts without the TypeScript loader of tsx or Vitest.
import { EventEmitter } from 'node:events';
import { parentPort, workerData } from 'node:worker_threads';
import dynalite from 'dynalite';

/** The placeholders dynalite checks for (it never verifies a signature): the fast path signs nothing. */
const UNSIGNED = {
  authorization:
    'AWS4-HMAC-SHA256 Credential=local/19700101/local/dynamodb/aws4_request, SignedHeaders=host, Signature=0',
  'x-amz-date': '19700101T000000Z',
};

const server = dynalite(workerData.options);
const listener = server.listeners('request')[0];

/** One request from the main thread, through dynalite's own listener, answered by message. */
function handle({ id, headers, body }) {
  const request = new EventEmitter();
  request.method = 'POST';
  request.url = '/';
  request.headers = { ...headers, ...UNSIGNED };
  const responseHeaders = {};
  const response = {
    statusCode: 200,
    setHeader(name, value) {
      responseHeaders[name.toLowerCase()] = String(value);
    },
    end(text) {
      parentPort.postMessage({
        type: 'response',
        id,
        status: response.statusCode,
        headers: responseHeaders,
        body: text ?? '',
      });
    },
  };
  listener(request, response);
  request.emit('data', Buffer.from(body));
  request.emit('end');
}

parentPort.on('message', (message) => {
  if (message.type === 'request') handle(message);
  else if (message.type === 'close')
    server.close((error) =>
      parentPort.postMessage({ type: 'closed', error: error ? String(error) : undefined }),
    );
});

server.listen(workerData.port ?? 0, '127.0.0.1', () => {
  parentPort.postMessage({ type: 'listening', port: server.address().port });
});
