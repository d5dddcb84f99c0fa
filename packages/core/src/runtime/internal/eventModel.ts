/**
 * The shapes shared by `EventStore` and `Projection` (kept here so that neither
 * public module imports the other in a cycle).
 *
 * @internal
 */

/**
 * A record a store keeps once and events name by reference: `ref` is the SHA-256 (hex) of `json`, the record's
 * canonical JSON text, and `value` that text parsed. The fields of the record belong to the data of every event whose
 * data names it (`"$record": ref`).
 *
 * @internal
 */
export interface StoredRecord {
  readonly ref: string
  readonly json: string
  readonly value: unknown
}

/** @internal */
export interface StoredEvent {
  readonly streamId: string
  readonly position: number
  readonly globalPosition: number
  readonly type: string
  readonly schemaVersion: number
  readonly data: unknown
  readonly commandId: string
  readonly recordedAt: string
  readonly prevHash: string
  readonly hash: string
  /** The record the data names (`"$record"`), as the store holds it. */
  readonly record?: StoredRecord | undefined
}

const unparsed: unique symbol = Symbol("unparsed")

// `data` is an own, enumerable property (an accessor shared by every instance), so the event reads, spreads,
// serialises and compares as one whose data was parsed up front.
function readData(this: JsonStoredEvent): unknown {
  return this.parsed()
}
const dataProperty: PropertyDescriptor = { get: readData, enumerable: true, configurable: true }

/**
 * A stored event whose data a store holds as JSON text, parsed when `data` is first read (and kept). A replay
 * parses it with {@link transientData} instead: the parsed data is not kept by the event, so it dies with the
 * decoded event once the fold is done with it.
 *
 * @internal
 */
export class JsonStoredEvent implements StoredEvent {
  declare readonly streamId: string
  declare readonly position: number
  declare readonly globalPosition: number
  declare readonly type: string
  declare readonly schemaVersion: number
  declare readonly data: unknown
  declare readonly commandId: string
  declare readonly recordedAt: string
  declare readonly prevHash: string
  declare readonly hash: string
  declare readonly record?: StoredRecord | undefined
  #json: string | undefined
  #data: unknown = unparsed
  constructor(
    streamId: string,
    position: number,
    globalPosition: number,
    type: string,
    schemaVersion: number,
    dataJson: string,
    commandId: string,
    recordedAt: string,
    prevHash: string,
    hash: string,
    record?: StoredRecord | undefined
  ) {
    // the properties in the order of an event whose data was parsed up front (declared, not class fields, so that
    // each instance gets them in this order, and `data` as an accessor from the start)
    this.streamId = streamId
    this.position = position
    this.globalPosition = globalPosition
    this.type = type
    this.schemaVersion = schemaVersion
    Object.defineProperty(this, "data", dataProperty)
    this.commandId = commandId
    this.recordedAt = recordedAt
    this.prevHash = prevHash
    this.hash = hash
    if (record !== undefined) this.record = record
    this.#json = dataJson
  }
  /** The data, parsed on the first call and kept (the text is let go then). */
  parsed(): unknown {
    if (this.#data === unparsed) {
      this.#data = JSON.parse(this.#json!)
      this.#json = undefined
    }
    return this.#data
  }
  /** Whether `data` was not read yet (a reader parsing the text now gets data no one else holds). */
  unread(): boolean {
    return this.#data === unparsed
  }
  /** The data: as kept when it was read already, else parsed now and not kept. */
  transient(): unknown {
    const data = this.#data
    return data === unparsed ? JSON.parse(this.#json!) : data
  }
}

/**
 * A stored event's data, for a reader that does not keep it: the event's own `data`, or for one whose data is JSON
 * text not read yet, the text parsed without keeping it in the event.
 *
 * @internal
 */
export const transientData = (e: StoredEvent): unknown => e instanceof JsonStoredEvent ? e.transient() : e.data

/**
 * Whether {@link transientData} gives the event's data parsed for the caller alone (JSON text not read yet), so that
 * the caller may write into it.
 *
 * @internal
 */
export const transientIsOwned = (e: StoredEvent): boolean => e instanceof JsonStoredEvent && e.unread()

/**
 * The key under which an event's data names its record (canonical JSON sorts it before any letter).
 *
 * @internal
 */
export const recordKey = "$record"

const isPlainObject = (u: unknown): u is Record<string, unknown> =>
  typeof u === "object" && u !== null && !Array.isArray(u)

/**
 * The reference a stored event's data names (`"$record"`), if any.
 *
 * @internal
 */
export const namedRecord = (data: unknown): unknown => isPlainObject(data) ? data[recordKey] : undefined

/**
 * The fields of a record's value, then the data's own fields (without its reference), in a fresh object.
 *
 * @internal
 */
export const mergeRecord = (data: unknown, value: unknown): Record<string, unknown> => {
  const { [recordKey]: _, ...own } = data as Record<string, unknown>
  return { ...(value as Record<string, unknown>), ...own }
}

/**
 * The data with the fields of the record it names (the data's own fields after them), or the data as it is when it
 * names none. `undefined` when it names a record the event does not carry.
 *
 * @internal
 */
export const withRecord = (data: unknown, record: StoredRecord | undefined): unknown => {
  const ref = namedRecord(data)
  if (ref === undefined) return data
  if (record === undefined || record.ref !== ref || !isPlainObject(record.value)) return undefined
  return mergeRecord(data, record.value)
}
