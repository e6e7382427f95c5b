import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { createWriteStream, type Dirent } from 'node:fs';
import { open, readdir, rename, rm, stat } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import * as z from 'zod';
import type { FileStore, SignedRequest } from '#shared/domain/ports.ts';
import { ensurePrivateDir, PRIVATE_FILE_MODE } from './files.ts';

/**
 * The file store offline: files under the data dir (owner-only, like everything there), reached by clients
 * through URLs of the local server that carry a signed, expiring token, as S3's presigned URLs do. A token
 * names one key, one operation and, for an upload, the exact size and type; nothing in a URL is a path a
 * caller could guess or change. Tokens expire by the wall clock, as S3's do (a demo's fast planning clock
 * does not shorten them).
 */

/** What a token allows. */
export interface FileGrant {
  key: string;
  operation: 'put' | 'get';
  expiresAt: number;
  size?: number;
  contentType?: string;
  name?: string;
}

const Payload = z.strictObject({
  k: z.string().min(1).max(400),
  o: z.enum(['put', 'get']),
  e: z.int().positive(),
  s: z.int().positive().optional(),
  t: z.string().max(150).optional(),
  n: z.string().max(200).optional(),
});

/** A key the store accepts: relative, no `..`, no empty segment, no odd characters. */
const KEY = /^(?:[A-Za-z0-9][A-Za-z0-9._-]{0,199}\/){0,8}[A-Za-z0-9][A-Za-z0-9._-]{0,199}$/;

/** The path below which the local server serves file URLs. */
export const LOCAL_FILES_PATH = '/files/';

/** Why a file URL was refused (the local server answers 403 or 404 with it). */
export class FileGrantError extends Error {
  constructor(
    message: string,
    readonly status: 403 | 404 | 413 | 400,
  ) {
    super(message);
    this.name = 'FileGrantError';
  }
}

export interface LocalFileStoreOptions {
  /** Where files live (created owner-only). */
  root: string;
  /** Signs and checks tokens (derived from the server's secret). */
  secret: Uint8Array;
  /** The server's URL, known once it listens. */
  baseUrl: () => string;
  /** The wall clock, in milliseconds. */
  now?: () => number;
}

export class LocalFileStore implements FileStore {
  private readonly key: Buffer;
  private readonly now: () => number;

  constructor(private readonly options: LocalFileStoreOptions) {
    // A key of its own, derived from the server's secret: a file token is never an access token.
    this.key = createHmac('sha256', Buffer.from(options.secret)).update('romact-local-files-v1').digest();
    this.now = options.now ?? Date.now;
    ensurePrivateDir(options.root);
  }

  /** The path of a key inside the root; anything that would leave the root is refused. */
  pathOf(key: string): string {
    if (!KEY.test(key) || key.split('/').some((part) => part === '.' || part === '..'))
      throw new FileGrantError('Not a file key', 400);
    const path = join(this.options.root, ...key.split('/'));
    if (relative(this.options.root, path).startsWith('..')) throw new FileGrantError('Not a file key', 400);
    return path;
  }

  private sign(payload: string): string {
    return createHmac('sha256', this.key).update(payload).digest('base64url');
  }

  private token(grant: FileGrant): string {
    const payload = Buffer.from(
      JSON.stringify({
        k: grant.key,
        o: grant.operation,
        e: Math.floor(grant.expiresAt / 1000),
        ...(grant.size !== undefined ? { s: grant.size } : {}),
        ...(grant.contentType ? { t: grant.contentType } : {}),
        ...(grant.name ? { n: grant.name } : {}),
      }),
    ).toString('base64url');
    return `${payload}.${this.sign(payload)}`;
  }

  /** Reads a token back: its grant, or a FileGrantError (forged, expired, or for another operation). */
  verify(token: string, operation: FileGrant['operation']): FileGrant {
    const [payload, signature, extra] = token.split('.');
    if (!payload || !signature || extra !== undefined) throw new FileGrantError('Not a file link', 404);
    const expected = Buffer.from(this.sign(payload));
    const given = Buffer.from(signature);
    if (expected.length !== given.length || !timingSafeEqual(expected, given))
      throw new FileGrantError('Not a file link', 404);
    let parsed: z.infer<typeof Payload>;
    try {
      parsed = Payload.parse(JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')));
    } catch {
      throw new FileGrantError('Not a file link', 404);
    }
    if (parsed.o !== operation) throw new FileGrantError('This link is not for that', 403);
    if (parsed.e * 1000 < this.now()) throw new FileGrantError('This link has expired', 403);
    this.pathOf(parsed.k);
    return {
      key: parsed.k,
      operation: parsed.o,
      expiresAt: parsed.e * 1000,
      ...(parsed.s !== undefined ? { size: parsed.s } : {}),
      ...(parsed.t ? { contentType: parsed.t } : {}),
      ...(parsed.n ? { name: parsed.n } : {}),
    };
  }

  private url(token: string) {
    return `${this.options.baseUrl().replace(/\/$/, '')}${LOCAL_FILES_PATH}${token}`;
  }

  async uploadUrl(
    key: string,
    file: { size: number; contentType: string },
    expiresInSeconds: number,
  ): Promise<SignedRequest> {
    this.pathOf(key);
    const expiresAt = this.now() + expiresInSeconds * 1000;
    return {
      url: this.url(
        this.token({ key, operation: 'put', expiresAt, size: file.size, contentType: file.contentType }),
      ),
      method: 'PUT',
      headers: { 'content-type': file.contentType },
      expiresAt: new Date(Math.floor(expiresAt / 1000) * 1000).toISOString(),
    };
  }

  async downloadUrl(
    key: string,
    file: { name: string; contentType: string },
    expiresInSeconds: number,
  ): Promise<SignedRequest> {
    this.pathOf(key);
    const expiresAt = this.now() + expiresInSeconds * 1000;
    return {
      url: this.url(
        this.token({ key, operation: 'get', expiresAt, name: file.name, contentType: file.contentType }),
      ),
      method: 'GET',
      headers: {},
      expiresAt: new Date(Math.floor(expiresAt / 1000) * 1000).toISOString(),
    };
  }

  async stat(key: string) {
    try {
      const found = await stat(this.pathOf(key));
      return found.isFile() ? { size: found.size } : undefined;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw error;
    }
  }

  async readHead(key: string, bytes: number) {
    let handle: Awaited<ReturnType<typeof open>> | undefined;
    try {
      handle = await open(this.pathOf(key), 'r');
      const buffer = Buffer.alloc(bytes);
      const { bytesRead } = await handle.read(buffer, 0, bytes, 0);
      return new Uint8Array(buffer.subarray(0, bytesRead));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return new Uint8Array();
      throw error;
    } finally {
      await handle?.close();
    }
  }

  async delete(key: string) {
    await rm(this.pathOf(key), { force: true });
  }

  async write(key: string, chunks: AsyncIterable<string | Uint8Array>, _contentType: string) {
    return this.receive(key, Readable.from(chunks));
  }

  /**
   * Stores a stream at `key`: written aside and renamed into place when complete, so a reader never sees half
   * a file. With `exactSize`, anything longer is cut off and refused, and anything shorter refused at the end.
   */
  async receive(key: string, body: AsyncIterable<string | Uint8Array>, exactSize?: number) {
    const path = this.pathOf(key);
    ensurePrivateDir(dirname(path));
    const temp = `${path}.${randomBytes(6).toString('hex')}.part`;
    let size = 0;
    async function* counted() {
      for await (const chunk of body) {
        const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
        size += bytes.length;
        if (exactSize !== undefined && size > exactSize)
          throw new FileGrantError(`More than the ${exactSize} bytes announced`, 413);
        yield bytes;
      }
    }
    try {
      await pipeline(counted(), createWriteStream(temp, { mode: PRIVATE_FILE_MODE }));
      if (exactSize !== undefined && size !== exactSize)
        throw new FileGrantError(`Expected ${exactSize} bytes, received ${size}`, 400);
      await rename(temp, path);
    } catch (error) {
      await rm(temp, { force: true });
      throw error;
    }
    return { size };
  }

  async archive(prefix: string) {
    // Offline there is no cheaper storage class: the files are counted, as S3 would tag them.
    const root = this.pathOf(prefix.replace(/\/$/, ''));
    const count = async (dir: string): Promise<number> => {
      try {
        const entries = await readdir(dir, { withFileTypes: true });
        let total = 0;
        for (const entry of entries)
          total += entry.isDirectory()
            ? await count(join(dir, entry.name))
            : entry.name.endsWith('.part')
              ? 0
              : 1;
        return total;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 0;
        throw error;
      }
    };
    return count(root);
  }

  /** Removes files under `prefix` older than `maxAgeMs` (old exports). */
  async prune(prefix: string, maxAgeMs: number): Promise<number> {
    const root = this.pathOf(prefix.replace(/\/$/, ''));
    let removed = 0;
    const walk = async (dir: string) => {
      let entries: Dirent[];
      try {
        entries = await readdir(dir, { withFileTypes: true });
      } catch {
        return;
      }
      for (const entry of entries) {
        const path = join(dir, entry.name);
        if (entry.isDirectory()) await walk(path);
        else if (this.now() - (await stat(path)).mtimeMs > maxAgeMs) {
          await rm(path, { force: true });
          removed += 1;
        }
      }
    };
    await walk(root);
    return removed;
  }
}
