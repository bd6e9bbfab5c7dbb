/**
 * The one line that picks the transport: the Electron preload bridge when present (IPC), the HTTP +
 * SSE client against this page's origin otherwise (web dashboard, session cookie).
 */
import type { EngineClient } from '../../shared/contract/client'
import { createHttpClient } from '../../shared/contract/http-client'
import type { HookSlingerBridge } from '../../shared/contract/ipc'
import { createIpcClient } from '../../shared/contract/ipc-client'

declare global {
  interface Window {
    /** Set by the Electron preload. */
    hookSlinger?: HookSlingerBridge
  }
}

export function chooseClient(): EngineClient {
  return window.hookSlinger ? createIpcClient(window.hookSlinger.engine) : createHttpClient({ baseUrl: location.origin })
}

/** Desktop-only capabilities, or null in the web dashboard (their buttons are not rendered). */
export function desktop(): HookSlingerBridge['desktop'] | null {
  return window.hookSlinger?.desktop ?? null
}
