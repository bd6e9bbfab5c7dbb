/**
 * Builds `window.hookSlinger` from ipcRenderer: one function per operation (by name only: the
 * preload never bundles the schemas), `subscribe`, and the desktop-only capabilities. Raw
 * ipcRenderer never reaches the page. Written against the few methods it uses, for tests.
 */
import type { EngineEvent } from '../shared/contract/events'
import { DESKTOP_CHANNELS, IPC_EVENT_CHANNEL, ipcChannel, type HookSlingerBridge } from '../shared/contract/ipc'
import { OPERATION_NAME_LIST } from '../shared/contract/operation-names'

export interface IpcRendererLike {
  invoke(channel: string, ...args: unknown[]): Promise<unknown>
  on(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown
  removeListener(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown
}

export function createBridge(ipcRenderer: IpcRendererLike, platform: string): HookSlingerBridge {
  const engine: Record<string, unknown> = {
    subscribe(listener: (event: EngineEvent) => void) {
      const onEvent = (_event: unknown, payload: unknown) => listener(payload as EngineEvent)
      ipcRenderer.on(IPC_EVENT_CHANNEL, onEvent)
      return () => {
        ipcRenderer.removeListener(IPC_EVENT_CHANNEL, onEvent)
      }
    },
  }
  for (const name of OPERATION_NAME_LIST) engine[name] = (input: unknown) => ipcRenderer.invoke(ipcChannel(name), input)
  return {
    engine: engine as unknown as HookSlingerBridge['engine'],
    desktop: {
      openDataFolder: async () => {
        await ipcRenderer.invoke(DESKTOP_CHANNELS.openDataFolder)
      },
      copyToClipboard: async (text) => {
        await ipcRenderer.invoke(DESKTOP_CHANNELS.copyToClipboard, String(text))
      },
      openExternal: async (url) => {
        await ipcRenderer.invoke(DESKTOP_CHANNELS.openExternal, String(url))
      },
    },
    platform,
  }
}
