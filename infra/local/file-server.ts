import { createReadStream } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { pipeline } from 'node:stream/promises';
import {
  FileGrantError,
  LOCAL_FILES_PATH,
  type LocalFileStore,
} from '#shared/adapters/local/local-file-store.ts';
import { contentDisposition } from '#shared/adapters/s3/s3-file-store.ts';

/**
 * The local stand-in for S3's presigned URLs: `PUT /files/{token}` stores exactly the bytes the token allows
 * (its size and type, as S3 enforces a signed Content-Length and Content-Type), `GET /files/{token}` sends a
 * file under its own name. No session is needed or read: the token is the permission, and it expires.
 */
export function serveFiles(store: LocalFileStore) {
  return async (request: IncomingMessage, response: ServerResponse): Promise<boolean> => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    if (!url.pathname.startsWith(LOCAL_FILES_PATH)) return false;
    const token = url.pathname.slice(LOCAL_FILES_PATH.length);
    try {
      if (request.method === 'PUT') {
        const grant = store.verify(token, 'put');
        const type = (request.headers['content-type'] ?? '').split(';')[0]?.trim();
        if (type !== grant.contentType)
          throw new FileGrantError('The Content-Type is not the one signed', 403);
        const length = request.headers['content-length'];
        if (length !== undefined && Number(length) !== grant.size)
          throw new FileGrantError('The Content-Length is not the one signed', 403);
        await store.receive(grant.key, request, grant.size);
        reply(response, 200, { stored: true });
        return true;
      }
      if (request.method === 'GET' || request.method === 'HEAD') {
        const grant = store.verify(token, 'get');
        const found = await store.stat(grant.key);
        if (!found) throw new FileGrantError('No such file', 404);
        response.writeHead(200, {
          'content-type': grant.contentType ?? 'application/octet-stream',
          'content-length': found.size,
          'content-disposition': contentDisposition(grant.name ?? 'file'),
          'cache-control': 'private, no-store',
          'x-content-type-options': 'nosniff',
          // A stored file is never run as a page of this origin.
          'content-security-policy': "default-src 'none'; sandbox",
        });
        if (request.method === 'HEAD') response.end();
        else await pipeline(createReadStream(store.pathOf(grant.key)), response);
        return true;
      }
      reply(response, 405, { error: { code: 'METHOD_NOT_ALLOWED', message: 'PUT or GET', fields: [] } });
      return true;
    } catch (error) {
      if (!(error instanceof FileGrantError)) throw error;
      // The rest of a refused upload is not read: the connection closes.
      if (request.method === 'PUT') response.setHeader('connection', 'close');
      reply(response, error.status, { error: { code: 'FILE_REFUSED', message: error.message, fields: [] } });
      return true;
    }
  };
}

function reply(response: ServerResponse, status: number, body: unknown) {
  if (response.headersSent) return void response.end();
  const text = JSON.stringify(body);
  response.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
    'cache-control': 'no-store',
  });
  response.end(text);
}
