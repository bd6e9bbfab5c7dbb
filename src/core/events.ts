/**
 * The engine's event bus: assigns a monotonic `seq` to each event, fans it out to subscribers
 * (SSE streams, the IPC bridge) and keeps a bounded buffer so a reconnecting client can resume.
 */
import type { EngineEvent } from '../shared/contract/events'

type Unsequenced<E> = E extends EngineEvent ? Omit<E, 'seq'> : never
export type NewEvent = Unsequenced<EngineEvent>
export type EventListener = (event: EngineEvent) => void

export interface EventBus {
  emit(event: NewEvent): void
  subscribe(listener: EventListener): () => void
  /** True when someone listens: producers skip building events otherwise. */
  hasListeners(): boolean
  /** Events after `seq`, or null when some of them already left the buffer (the client must resync). */
  since(seq: number): EngineEvent[] | null
  lastSeq(): number
}

/** @param bufferSize events kept for resuming clients (default 5,000). */
export function createEventBus(bufferSize = 5000): EventBus {
  const listeners = new Set<EventListener>()
  const buffer: EngineEvent[] = []
  let seq = 0
  return {
    emit(event) {
      const sequenced = { ...event, seq: ++seq } as EngineEvent
      buffer.push(sequenced)
      if (buffer.length > bufferSize) buffer.splice(0, buffer.length - bufferSize)
      for (const listener of listeners) listener(sequenced)
    },
    subscribe(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    hasListeners: () => listeners.size > 0,
    since(after) {
      if (after >= seq) return []
      const oldest = buffer[0]?.seq ?? seq + 1
      if (after < oldest - 1) return null
      return buffer.filter((event) => event.seq > after)
    },
    lastSeq: () => seq,
  }
}
