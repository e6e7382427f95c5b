import { tableDefinition } from './table-definition.ts';

/**
 * Write units as DynamoDB bills them, computed from the items and the table definition: the table's write plus
 * one write per global secondary index the change touches. dynalite reports only the table's part; this is
 * what lets the bench and the tests count on dynalite what AWS (and DynamoDB Local) would charge. The rules are
 * those of the DynamoDB Developer Guide ("Item sizes and formats", "Capacity unit consumption for write
 * operations", "Provisioned throughput considerations for global secondary indexes"); a test holds them equal
 * to DynamoDB Local's `ReturnConsumedCapacity: INDEXES` for every write the store makes.
 */

type Item = Record<string, unknown>;

const WRITE_BLOCK_BYTES = 1024;

/** Bytes of a UTF-8 string. */
const utf8 = (text: string) => Buffer.byteLength(text, 'utf8');

/**
 * A number's stored size: one byte of exponent plus one byte per pair of significant digits, the pairs aligned
 * on the decimal point (DynamoDB stores numbers in base 100), plus one for a negative number.
 */
function numberSize(value: number): number {
  if (value === 0) return 1;
  const [mantissa = '', exponentText = '0'] = Math.abs(value).toExponential().split('e');
  const digits = mantissa.replace('.', '').replace(/0+$/, '');
  const highest = Number(exponentText);
  const lowest = highest - (digits.length - 1);
  const pairs = Math.floor(highest / 2) - Math.floor(lowest / 2) + 1;
  return 1 + pairs + (value < 0 ? 1 : 0);
}

/** The stored size of one attribute value, as the document client marshals it. */
function valueSize(value: unknown): number {
  if (value === null || typeof value === 'boolean') return 1;
  if (typeof value === 'string') return utf8(value);
  if (typeof value === 'number') return numberSize(value);
  if (typeof value === 'bigint') return numberSize(Number(value));
  if (value instanceof Uint8Array) return value.byteLength;
  if (value instanceof Set) return [...value].reduce((sum: number, one) => sum + valueSize(one), 0);
  // Lists and maps: 3 bytes, plus 1 per element (and, in a map, the element's name).
  if (Array.isArray(value)) return 3 + value.reduce((sum: number, one) => sum + 1 + valueSize(one), 0);
  if (typeof value === 'object') {
    const entries = Object.entries(value as Item).filter(([, one]) => one !== undefined);
    return 3 + entries.reduce((sum, [name, one]) => sum + 1 + utf8(name) + valueSize(one), 0);
  }
  return 0;
}

/** An item's size in bytes: every attribute's name and value (undefined attributes are not written). */
export function itemSize(item: Item): number {
  return Object.entries(item)
    .filter(([, value]) => value !== undefined)
    .reduce((sum, [name, value]) => sum + utf8(name) + valueSize(value), 0);
}

/** An attribute value as the low-level API carries it (`{ S: "…" }`, `{ N: "12" }`, `{ M: { … } }`, …). */
type AttributeValue = Record<string, unknown>;

/** The plain value of a low-level attribute value, as far as its size goes. */
function plain(value: AttributeValue): unknown {
  const [type, inner] = Object.entries(value)[0] ?? [];
  switch (type) {
    case 'N':
      return Number(inner);
    case 'NS':
      return new Set((inner as string[]).map(Number));
    case 'SS':
    case 'BS':
      return new Set(inner as unknown[]);
    case 'L':
      return (inner as AttributeValue[]).map(plain);
    case 'M':
      return marshalledToPlain(inner as Record<string, AttributeValue>);
    case 'NULL':
      return null;
    default:
      return inner;
  }
}

const marshalledToPlain = (item: Record<string, AttributeValue>): Item =>
  Object.fromEntries(Object.entries(item).map(([name, value]) => [name, plain(value)]));

/** The size of an item in the low-level form (the item a failed condition returns). */
export function marshalledItemSize(item: Record<string, AttributeValue>): number {
  return itemSize(marshalledToPlain(item));
}

/** Write units of writing this many bytes: 1 KB blocks, at least one. */
const unitsOfBytes = (bytes: number) => Math.max(1, Math.ceil(bytes / WRITE_BLOCK_BYTES));

/** Write units of writing an item of this size. */
const writeUnits = (item: Item | undefined) => unitsOfBytes(item ? itemSize(item) : 0);

/** Whether an item is in an index: both its key attributes are set (sparse indexes hold only those). */
const inIndex = (item: Item | undefined, index: { partitionKey: string; sortKey: string }) =>
  item?.[index.partitionKey] !== undefined && item?.[index.sortKey] !== undefined;

const sameValue = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** Whether two versions of an item hold the same attributes with the same values. */
function sameItem(a: Item, b: Item): boolean {
  const names = new Set([...Object.keys(a), ...Object.keys(b)]);
  return [...names].every((name) => sameValue(a[name], b[name]));
}

/** The write units of one write, by where they are billed. */
export interface WriteUnits {
  table: number;
  indexes: Record<string, number>;
  total: number;
}

/**
 * The units of replacing `before` with `after` (a put), or of removing `before` (a delete: `after` undefined).
 * The table bills the larger of the two versions. An index bills the new version when the item enters it, the
 * old one when it leaves, both when its key changes, and the new one when any other attribute changes (every
 * index projects ALL); nothing when the item is in it neither before nor after, or nothing changed.
 */
export function writeCapacity(before: Item | undefined, after: Item | undefined): WriteUnits {
  const table = Math.max(writeUnits(before), after ? writeUnits(after) : 0);
  const indexes: Record<string, number> = {};
  for (const index of tableDefinition.indexes) {
    const was = inIndex(before, index);
    const is = inIndex(after, index);
    let units = 0;
    if (was && is) {
      const before_ = before as Item;
      const after_ = after as Item;
      const keyMoved =
        !sameValue(before_[index.partitionKey], after_[index.partitionKey]) ||
        !sameValue(before_[index.sortKey], after_[index.sortKey]);
      if (keyMoved) units = writeUnits(before_) + writeUnits(after_);
      else if (!sameItem(before_, after_)) units = writeUnits(after_);
    } else if (is) units = writeUnits(after);
    else if (was) units = writeUnits(before);
    if (units > 0) indexes[index.name] = units;
  }
  const total = table + Object.values(indexes).reduce((sum, units) => sum + units, 0);
  return { table, indexes, total };
}

/** A conditional write whose condition failed bills the size of the item it found (one unit when none). */
export function failedWriteCapacity(existingBytes: number): number {
  return unitsOfBytes(existingBytes);
}
