/**
 * `EngineClient` over the Electron preload bridge: unwraps Result envelopes into values or
 * EngineErrors, so the UI cannot tell it from the HTTP client.
 */
import type { ConnectionState, EngineClient } from './client'
import { EngineError, isErrorCode } from './errors'
import type { EngineEvent } from './events'
import type { EngineBridge, Result } from './ipc'
import { OPERATION_NAME_LIST } from './operation-names'

export function createIpcClient(bridge: EngineBridge): EngineClient {
  const client: Record<string, unknown> = {
    subscribe(listener: (event: EngineEvent) => void, onState?: (state: ConnectionState) => void) {
      // IPC has no connection to lose: it is live as long as the window exists.
      onState?.('live')
      return bridge.subscribe(listener)
    },
  }
  for (const name of OPERATION_NAME_LIST) {
    const call = bridge[name] as (input: unknown) => Promise<Result<unknown>>
    client[name] = async (input: unknown) => {
      const result = await call(input ?? {})
      if (result.ok) return result.value
      throw new EngineError(isErrorCode(result.error.code) ? result.error.code : 'internal', result.error.message)
    }
  }
  return client as unknown as EngineClient
}
