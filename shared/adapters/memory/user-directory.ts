import { randomBytes } from 'node:crypto';
import { ConflictError } from '#shared/domain/errors.ts';
import { addressKey, type ChannelType } from '#shared/domain/model/user.ts';
import type { SignInAddress, UserDirectory } from '#shared/domain/ports.ts';

/** A person as the memory directory holds them. */
interface DirectoryEntry {
  addresses: Partial<Record<ChannelType, string>>;
  /** How many times every session of the person was ended. */
  signOuts: number;
}

/**
 * The user directory in memory: the local runtime's (where the engine's own `/auth/*` routes sign people in, so
 * it sends no codes) and the use-case tests'. It keeps the rules the Cognito pool keeps — one person per address,
 * the same id for the same address, an address that signs someone else in is refused — so a use case that
 * forgets the directory, or asks it for the wrong thing, fails here before it fails on AWS. Ids are local
 * (`usr-…`); it forgets everything when the process ends (the store, not the directory, remembers who holds an
 * address, and a use case asks the store first).
 */
export class MemoryUserDirectory implements UserDirectory {
  readonly sendsSignInCodes: boolean;
  private readonly people = new Map<string, DirectoryEntry>();
  private readonly byAddress = new Map<string, string>();

  /** `sendsSignInCodes`: act as a directory that sends the codes itself (Cognito), for tests of that path. */
  constructor(options: { sendsSignInCodes?: boolean } = {}) {
    this.sendsSignInCodes = options.sendsSignInCodes ?? false;
  }

  async register(address: SignInAddress): Promise<{ userId: string; created: boolean }> {
    const key = addressKey(address.type, address.address);
    const known = this.byAddress.get(key);
    if (known) return { userId: known, created: false };
    const userId = `usr-${randomBytes(10).toString('hex')}`;
    this.people.set(userId, { addresses: { [address.type]: key }, signOuts: 0 });
    this.byAddress.set(key, userId);
    return { userId, created: true };
  }

  async setAddress(userId: string, address: SignInAddress): Promise<void> {
    const key = addressKey(address.type, address.address);
    const holder = this.byAddress.get(key);
    if (holder && holder !== userId)
      throw new ConflictError('That address already signs someone else in', [
        { path: 'address', message: 'belongs to someone else' },
      ]);
    const person = this.people.get(userId) ?? { addresses: {}, signOuts: 0 };
    const previous = person.addresses[address.type];
    if (previous) this.byAddress.delete(previous);
    person.addresses[address.type] = key;
    this.people.set(userId, person);
    this.byAddress.set(key, userId);
  }

  async removeAddress(userId: string, type: ChannelType): Promise<void> {
    const person = this.people.get(userId);
    const previous = person?.addresses[type];
    if (!person || !previous) return;
    this.byAddress.delete(previous);
    delete person.addresses[type];
  }

  async signOutEverywhere(userId: string): Promise<void> {
    const person = this.people.get(userId);
    if (person) person.signOuts += 1;
  }

  async remove(userId: string): Promise<void> {
    const person = this.people.get(userId);
    if (!person) return;
    for (const key of Object.values(person.addresses)) if (key) this.byAddress.delete(key);
    this.people.delete(userId);
  }

  /** Who an address signs in, if anyone (for tests). */
  holderOf(type: ChannelType, address: string): string | undefined {
    return this.byAddress.get(addressKey(type, address));
  }

  /** Whether the directory knows the person, and how often their sessions were all ended (for tests). */
  entryOf(userId: string): Readonly<DirectoryEntry> | undefined {
    return this.people.get(userId);
  }
}
