/**
 * What the UI and scripts program against: the engine API plus live events. Implemented in-process
 * by core, over HTTP + SSE by `createHttpClient`, and over IPC by the Electron bridge.
 */
import type { EngineEvent } from './events'
import type { Input, OperationName, Output } from './operations'

export type EngineApi = { [N in OperationName]: (input: Input<N>) => Promise<Output<N>> }

export type ConnectionState = 'connecting' | 'live' | 'resyncing' | 'offline'

export interface EngineClient extends EngineApi {
  /** Live engine events. Returns an unsubscribe function. */
  subscribe(listener: (event: EngineEvent) => void, onState?: (state: ConnectionState) => void): () => void
}
