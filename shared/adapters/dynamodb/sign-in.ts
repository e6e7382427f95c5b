import { DeleteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { ConcurrentUpdateError } from '#shared/domain/errors.ts';
import { Session, SignInCode } from '#shared/domain/model/sign-in.ts';
import type { SignInRepository } from '#shared/domain/ports.ts';
import { keys } from './keys.ts';
import { parseItem, type Table } from './table.ts';

const expiry = (instant: string) => Math.ceil(Date.parse(instant) / 1000);

/**
 * Sign-in codes, sessions and rate-limit counters on the single table. Each expires through the table's TTL
 * (`expiresAt`, seconds) on AWS; the code reads check expiry themselves, since TTL deletes late.
 */
export class DynamoSignIn implements SignInRepository {
  constructor(private readonly table: Table) {}

  async putCode(code: SignInCode) {
    await this.table.putAlways('putSignInCode', {
      ...keys.signInCode(code.addressKey),
      entity: 'sign-in-code',
      ...code,
      expiresAt: expiry(code.expiresAt),
      codeExpiresAt: code.expiresAt,
    });
  }

  async getCode(addressKey: string) {
    const item = await this.table.get('getSignInCode', keys.signInCode(addressKey));
    return item ? parseItem(SignInCode, item, { expiresAt: item.codeExpiresAt }) : undefined;
  }

  async recordFailedAttempt(code: SignInCode) {
    try {
      await this.table.send(
        'failSignInCode',
        new UpdateCommand({
          TableName: this.table.name,
          Key: keys.signInCode(code.addressKey),
          UpdateExpression: 'SET attempts = attempts + :one',
          ConditionExpression: 'codeHash = :hash AND attempts = :seen',
          ExpressionAttributeValues: { ':one': 1, ':hash': code.codeHash, ':seen': code.attempts },
          ReturnConsumedCapacity: 'TOTAL',
        }),
        true,
      );
      return { ...code, attempts: code.attempts + 1 };
    } catch (error) {
      if ((error as Error).name === 'ConditionalCheckFailedException') return undefined;
      throw error;
    }
  }

  async consumeCode(code: SignInCode) {
    try {
      await this.table.send(
        'consumeSignInCode',
        new DeleteCommand({
          TableName: this.table.name,
          Key: keys.signInCode(code.addressKey),
          ConditionExpression: 'codeHash = :hash',
          ExpressionAttributeValues: { ':hash': code.codeHash },
          ReturnConsumedCapacity: 'TOTAL',
        }),
        true,
      );
      return true;
    } catch (error) {
      if ((error as Error).name === 'ConditionalCheckFailedException') return false;
      throw error;
    }
  }

  async createSession(session: Session) {
    const created = await this.table.put(
      'createSession',
      {
        ...keys.session(session.sessionId),
        entity: 'session',
        ...session,
        expiresAt: expiry(session.expiresAt),
        sessionExpiresAt: session.expiresAt,
      },
      'attribute_not_exists(PK)',
    );
    if (!created) throw new ConcurrentUpdateError(`session ${session.sessionId}`);
  }

  async getSession(sessionId: string) {
    const item = await this.table.get('getSession', keys.session(sessionId));
    return item ? parseItem(Session, item, { expiresAt: item.sessionExpiresAt }) : undefined;
  }

  async updateSession(session: Session, changes: Partial<Session>) {
    const next: Session = { ...session, ...changes, version: session.version + 1 };
    const ok = await this.table.put(
      'updateSession',
      {
        ...keys.session(session.sessionId),
        entity: 'session',
        ...next,
        expiresAt: expiry(next.expiresAt),
        sessionExpiresAt: next.expiresAt,
      },
      '#version = :expected',
      { ':expected': session.version },
      { '#version': 'version' },
    );
    if (!ok) throw new ConcurrentUpdateError(`session ${session.sessionId}`);
    return next;
  }

  async hit(key: string, limit: number, windowSeconds: number, now: Date) {
    const window = Math.floor(now.getTime() / 1000 / windowSeconds);
    const retryAfterSeconds = (window + 1) * windowSeconds - Math.floor(now.getTime() / 1000);
    try {
      await this.table.send(
        'rateLimit',
        new UpdateCommand({
          TableName: this.table.name,
          Key: keys.rate(key, window),
          UpdateExpression: 'ADD hits :one SET expiresAt = :expires, entity = :entity',
          ConditionExpression: 'attribute_not_exists(hits) OR hits < :limit',
          ExpressionAttributeValues: {
            ':one': 1,
            ':limit': limit,
            ':expires': (window + 2) * windowSeconds,
            ':entity': 'rate',
          },
          ReturnConsumedCapacity: 'TOTAL',
        }),
        true,
      );
      return { allowed: true, retryAfterSeconds: 0 };
    } catch (error) {
      if ((error as Error).name === 'ConditionalCheckFailedException')
        return { allowed: false, retryAfterSeconds };
      throw error;
    }
  }
}
