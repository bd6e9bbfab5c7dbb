/**
 * The one line that picks the transport: the Electron preload bridge when present (IPC), the HTTP +
 * SSE client against this page's origin otherwise (web dashboard, session cookie).
 */
import type { EngineClient } from '../../shared/contract/client'
import { createHttpClient } from '../../shared/contract/http-client'

declare global {
  interface Window {
    /** Set by the Electron preload: the engine client over IPC. */
    hookSlinger?: { engine?: EngineClient }
  }
}

export function chooseClient(): EngineClient {
  return window.hookSlinger?.engine ?? createHttpClient({ baseUrl: location.origin })
}
