/**
 * `EngineClient` in process: the same validation as the transports (the operation table's schemas),
 * then the service. Used by the contract suite as the reference, and by hosts that embed the engine.
 */
import type { EngineClient } from '../../shared/contract/client'
import { OPERATION_NAMES } from '../../shared/contract/operations'
import type { EngineEvent } from '../../shared/contract/events'
import { invokeOperation } from './invoke'
import type { EngineService } from './engine-service'

export function createLocalClient(service: () => EngineService, subscribe: (listener: (event: EngineEvent) => void) => () => void): EngineClient {
  const client: Record<string, unknown> = {
    subscribe(listener: (event: EngineEvent) => void, onState?: (state: 'live') => void) {
      onState?.('live')
      return subscribe(listener)
    },
  }
  for (const name of OPERATION_NAMES) client[name] = (input: unknown) => invokeOperation(service(), name, input ?? {})
  return client as unknown as EngineClient
}
