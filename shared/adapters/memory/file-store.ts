import type { FileStore, SignedRequest } from '#shared/domain/ports.ts';

/**
 * Files in memory, for use-case tests: the bytes a test puts with `put` (as a client would through an upload
 * URL), signed URLs that only name what they grant, and the calls made, so a test can see what was removed.
 */
export class MemoryFileStore implements FileStore {
  readonly objects = new Map<string, Uint8Array>();
  readonly archived: string[] = [];

  constructor(private readonly now: () => number = Date.now) {}

  /** Stores bytes at a key, as a client's upload would. */
  put(key: string, bytes: Uint8Array | string) {
    this.objects.set(key, typeof bytes === 'string' ? new TextEncoder().encode(bytes) : bytes);
  }

  private expiry(seconds: number) {
    return new Date(Math.floor((this.now() + seconds * 1000) / 1000) * 1000).toISOString();
  }

  async uploadUrl(key: string, file: { size: number; contentType: string }, expiresInSeconds: number) {
    return {
      url: `memory://put/${key}?size=${file.size}`,
      method: 'PUT',
      headers: { 'content-type': file.contentType },
      expiresAt: this.expiry(expiresInSeconds),
    } satisfies SignedRequest;
  }

  async downloadUrl(key: string, _file: { name: string; contentType: string }, expiresInSeconds: number) {
    return {
      url: `memory://get/${key}`,
      method: 'GET',
      headers: {},
      expiresAt: this.expiry(expiresInSeconds),
    } satisfies SignedRequest;
  }

  async stat(key: string) {
    const bytes = this.objects.get(key);
    return bytes ? { size: bytes.length } : undefined;
  }

  async readHead(key: string, bytes: number) {
    return (this.objects.get(key) ?? new Uint8Array()).slice(0, bytes);
  }

  async delete(key: string) {
    this.objects.delete(key);
  }

  async write(key: string, chunks: AsyncIterable<string | Uint8Array>, _contentType: string) {
    const parts: Uint8Array[] = [];
    for await (const chunk of chunks)
      parts.push(typeof chunk === 'string' ? new TextEncoder().encode(chunk) : chunk);
    const size = parts.reduce((total, part) => total + part.length, 0);
    const bytes = new Uint8Array(size);
    let at = 0;
    for (const part of parts) {
      bytes.set(part, at);
      at += part.length;
    }
    this.objects.set(key, bytes);
    return { size };
  }

  async archive(prefix: string) {
    const keys = [...this.objects.keys()].filter((key) => key.startsWith(prefix));
    this.archived.push(...keys);
    return keys.length;
  }
}
