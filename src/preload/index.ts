/**
 * Preload bridge (sandboxed, CommonJS). Exposes a tiny, typed surface on `window.hookSlinger`;
 * never raw ipcRenderer. The per-operation functions arrive with the Electron-shell issue.
 */
import { contextBridge } from 'electron'

const bridge = {
  platform: process.platform,
}

export type HookSlingerBridge = typeof bridge

contextBridge.exposeInMainWorld('hookSlinger', bridge)
