/**
 * The shapes shared by `EventStore` and `Projection` (kept here so that neither
 * public module imports the other in a cycle).
 *
 * @internal
 */

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
}
