/**
 * A fake ipcMain / ipcRenderer / webContents trio wired together in one process, standing in for the
 * Electron binary that cannot run here. Arguments and results go through structuredClone, as
 * Electron's IPC serializes them, so anything that would not survive the real boundary fails here.
 */
import type { IpcMainLike, WebContentsLike } from '../../src/main/ipc-adapter'
import type { IpcRendererLike } from '../../src/preload/bridge'

type Handler = Parameters<IpcMainLike['handle']>[1]
type Listener = (event: unknown, ...args: unknown[]) => void

export interface FakeIpc {
  ipcMain: IpcMainLike & { channels(): string[] }
  ipcRenderer: IpcRendererLike
  webContents: WebContentsLike
  /** The URL the renderer's frame claims (for sender checks). */
  frameUrl: string
}

export function createFakeIpc(frameUrl = 'file:///app/out/renderer/index.html'): FakeIpc {
  const handlers = new Map<string, Handler>()
  const listeners = new Map<string, Set<Listener>>()
  const fake: FakeIpc = {
    frameUrl,
    ipcMain: {
      handle(channel, handler) {
        if (handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`)
        handlers.set(channel, handler)
      },
      removeHandler(channel) {
        handlers.delete(channel)
      },
      channels: () => [...handlers.keys()],
    },
    ipcRenderer: {
      async invoke(channel, ...args) {
        const handler = handlers.get(channel)
        if (!handler) throw new Error(`No handler registered for '${channel}'`)
        return structuredClone(await handler({ senderFrame: { url: fake.frameUrl } }, ...structuredClone(args)))
      },
      on(channel, listener) {
        const set = listeners.get(channel) ?? new Set()
        set.add(listener)
        listeners.set(channel, set)
      },
      removeListener(channel, listener) {
        listeners.get(channel)?.delete(listener)
      },
    },
    webContents: {
      send(channel, ...args) {
        const cloned = structuredClone(args)
        for (const listener of listeners.get(channel) ?? []) listener({}, ...cloned)
      },
      isDestroyed: () => false,
    },
  }
  return fake
}
