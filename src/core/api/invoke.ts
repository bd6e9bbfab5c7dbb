/**
 * The one place a transport meets the typed service: validate the raw input with the operation
 * table's schema (the trust boundary), then call the operation. HTTP routes, IPC handlers and the
 * local client all go through here.
 */
import { EngineError } from '../../shared/contract/errors'
import { operations, type OperationName } from '../../shared/contract/operations'
import { detailOf } from '../../shared/wire/zod-detail'
import type { EngineService } from './engine-service'

export async function invokeOperation(service: EngineService, name: OperationName, raw: unknown): Promise<unknown> {
  const parsed = operations[name].input.safeParse(raw)
  if (!parsed.success) throw new EngineError('invalid_request', detailOf(parsed.error))
  const run = service[name] as (input: unknown) => Promise<unknown>
  return run(parsed.data)
}
