/**
 * The IPC vocabulary between Electron's main process and the preload bridge. Handlers always
 * *return* a Result envelope: Electron drops custom error fields across `invoke`, so errors travel
 * as data and the renderer rebuilds an EngineError from them.
 */
import type { ErrorCode } from './errors'
import type { EngineEvent } from './events'
import type { Input, OperationName, Output } from './operations'

export const IPC_EVENT_CHANNEL = 'engine:event'
export const ipcChannel = (name: string): string => `engine:${name}`

export type Result<T> = { ok: true; value: T } | { ok: false; error: { code: ErrorCode; message: string } }

/** What the preload exposes as `window.hookSlinger.engine`: one function per operation, plus events. */
export type EngineBridge = { [N in OperationName]: (input: Input<N>) => Promise<Result<Output<N>>> } & {
  subscribe(listener: (event: EngineEvent) => void): () => void
}

/** Desktop-only capabilities the web dashboard does not have. */
export interface DesktopBridge {
  openDataFolder(): Promise<void>
  copyToClipboard(text: string): Promise<void>
  openExternal(url: string): Promise<void>
}

export const DESKTOP_CHANNELS = {
  openDataFolder: 'desktop:open-data-folder',
  copyToClipboard: 'desktop:copy-to-clipboard',
  openExternal: 'desktop:open-external',
} as const satisfies Record<keyof DesktopBridge, string>

export interface HookSlingerBridge {
  engine: EngineBridge
  desktop: DesktopBridge
  platform: string
}
