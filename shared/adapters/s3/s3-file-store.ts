import { Readable } from 'node:stream';
import {
  DeleteObjectCommand,
  GetObjectCommand,
  HeadObjectCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  PutObjectTaggingCommand,
  type S3Client,
} from '@aws-sdk/client-s3';
import { Upload } from '@aws-sdk/lib-storage';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import type { FileStore, SignedRequest } from '#shared/domain/ports.ts';

/**
 * The file store on AWS: one private, KMS-encrypted S3 bucket per region. Clients upload and download with
 * presigned URLs; an upload URL signs the exact content length, so S3 itself refuses any other size. The
 * engine reads only a file's first bytes (its type), and streams exports in parts (never the whole file in
 * memory). Ended cycles' files are tagged, and the bucket's lifecycle moves tagged files to cheaper storage.
 */

/** The tag the bucket's lifecycle rule looks for: the file's cycle has ended. */
export const ENDED_CYCLE_TAG = { Key: 'romact-cycle', Value: 'ended' } as const;

const isMissing = (error: unknown) => {
  const name = (error as { name?: string } | undefined)?.name;
  return name === 'NotFound' || name === 'NoSuchKey';
};

/** `attachment; filename=...` with the name in ASCII and, for everything else, RFC 5987 UTF-8. */
export function contentDisposition(name: string): string {
  const ascii = name.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}

export class S3FileStore implements FileStore {
  /**
   * `client` must be created with `requestChecksumCalculation: 'WHEN_REQUIRED'`: otherwise the SDK signs a
   * checksum of the empty body into upload URLs, and every upload fails.
   */
  constructor(
    private readonly client: S3Client,
    private readonly bucket: string,
    private readonly now: () => number = Date.now,
  ) {}

  private expiry(expiresInSeconds: number) {
    return new Date(Math.floor((this.now() + expiresInSeconds * 1000) / 1000) * 1000).toISOString();
  }

  async uploadUrl(
    key: string,
    file: { size: number; contentType: string },
    expiresInSeconds: number,
  ): Promise<SignedRequest> {
    const url = await getSignedUrl(
      this.client,
      new PutObjectCommand({
        Bucket: this.bucket,
        Key: key,
        ContentLength: file.size,
        ContentType: file.contentType,
      }),
      { expiresIn: expiresInSeconds },
    );
    return {
      url,
      method: 'PUT',
      headers: { 'content-type': file.contentType },
      expiresAt: this.expiry(expiresInSeconds),
    };
  }

  async downloadUrl(
    key: string,
    file: { name: string; contentType: string },
    expiresInSeconds: number,
  ): Promise<SignedRequest> {
    const url = await getSignedUrl(
      this.client,
      new GetObjectCommand({
        Bucket: this.bucket,
        Key: key,
        ResponseContentDisposition: contentDisposition(file.name),
        ResponseContentType: file.contentType,
        ResponseCacheControl: 'private, no-store',
      }),
      { expiresIn: expiresInSeconds },
    );
    return { url, method: 'GET', headers: {}, expiresAt: this.expiry(expiresInSeconds) };
  }

  async stat(key: string) {
    try {
      const head = await this.client.send(new HeadObjectCommand({ Bucket: this.bucket, Key: key }));
      return { size: Number(head.ContentLength ?? 0) };
    } catch (error) {
      if (isMissing(error)) return undefined;
      throw error;
    }
  }

  async readHead(key: string, bytes: number) {
    try {
      const object = await this.client.send(
        new GetObjectCommand({ Bucket: this.bucket, Key: key, Range: `bytes=0-${bytes - 1}` }),
      );
      return object.Body ? await object.Body.transformToByteArray() : new Uint8Array();
    } catch (error) {
      if (isMissing(error)) return new Uint8Array();
      throw error;
    }
  }

  async delete(key: string) {
    await this.client.send(new DeleteObjectCommand({ Bucket: this.bucket, Key: key }));
  }

  async write(key: string, chunks: AsyncIterable<string | Uint8Array>, contentType: string) {
    let size = 0;
    async function* counted() {
      for await (const chunk of chunks) {
        const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : Buffer.from(chunk);
        size += bytes.length;
        yield bytes;
      }
    }
    // Multipart in 5 MB parts, two at a time: at most about 10 MB of the file is in memory at once.
    const upload = new Upload({
      client: this.client,
      params: { Bucket: this.bucket, Key: key, Body: Readable.from(counted()), ContentType: contentType },
      partSize: 5 * 1024 * 1024,
      queueSize: 2,
      leavePartsOnError: false,
    });
    await upload.done();
    return { size };
  }

  async archive(prefix: string) {
    let marked = 0;
    let token: string | undefined;
    do {
      const page = await this.client.send(
        new ListObjectsV2Command({
          Bucket: this.bucket,
          Prefix: prefix,
          ...(token ? { ContinuationToken: token } : {}),
        }),
      );
      for (const object of page.Contents ?? []) {
        if (!object.Key) continue;
        // The engine sets no other tag on files: the tag set is this one tag.
        await this.client.send(
          new PutObjectTaggingCommand({
            Bucket: this.bucket,
            Key: object.Key,
            Tagging: { TagSet: [{ ...ENDED_CYCLE_TAG }] },
          }),
        );
        marked += 1;
      }
      token = page.IsTruncated ? page.NextContinuationToken : undefined;
    } while (token);
    return marked;
  }
}
