/**
 * The management API over Electron IPC, generated from the operation table: one
 * `ipcMain.handle('engine:<name>')` per operation. Trusts nothing from the renderer: the sender frame
 * must be the app's own page, and every input is validated by the table's schema (in invoke).
 * Written against the few methods it uses, so tests drive it with a fake ipcMain.
 */
import type { EngineService } from '../core/api/engine-service'
import { invokeOperation } from '../core/api/invoke'
import { EngineError } from '../shared/contract/errors'
import type { EngineEvent } from '../shared/contract/events'
import { IPC_EVENT_CHANNEL, ipcChannel, type Result } from '../shared/contract/ipc'
import { OPERATION_NAMES } from '../shared/contract/operations'

export interface IpcMainLike {
  handle(channel: string, listener: (event: { senderFrame: { url: string } | null }, ...args: unknown[]) => Promise<unknown>): void
  removeHandler(channel: string): void
}

export interface WebContentsLike {
  send(channel: string, ...args: unknown[]): void
  isDestroyed(): boolean
}

/** The app's own pages: the bundled renderer (file://) or the dev server electron-vite points at. */
export function isTrustedSenderUrl(url: string, devServerUrl: string | null): boolean {
  if (url.startsWith('file://')) return true
  return devServerUrl !== null && url.startsWith(devServerUrl)
}

export function registerIpcHandlers(ipcMain: IpcMainLike, service: () => EngineService, isTrusted: (url: string) => boolean): () => void {
  for (const name of OPERATION_NAMES) {
    ipcMain.handle(ipcChannel(name), async (event, input): Promise<Result<unknown>> => {
      const url = event.senderFrame?.url ?? ''
      if (!isTrusted(url)) return { ok: false, error: { code: 'forbidden', message: 'IPC from an untrusted frame was refused' } }
      try {
        return { ok: true, value: await invokeOperation(service(), name, input ?? {}) }
      } catch (error) {
        if (error instanceof EngineError) return { ok: false, error: { code: error.code, message: error.message } }
        return { ok: false, error: { code: 'internal', message: (error as Error).message ?? 'internal error' } }
      }
    })
  }
  return () => {
    for (const name of OPERATION_NAMES) ipcMain.removeHandler(ipcChannel(name))
  }
}

/** Forwards engine events to a window; returns the unsubscribe function. */
export function forwardEvents(subscribe: (listener: (event: EngineEvent) => void) => () => void, webContents: WebContentsLike): () => void {
  const unsubscribe = subscribe((event) => {
    if (webContents.isDestroyed()) unsubscribe()
    else webContents.send(IPC_EVENT_CHANNEL, event)
  })
  return unsubscribe
}
