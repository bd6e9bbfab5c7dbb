/**
 * Preload (sandboxed, emitted as one CommonJS file): exposes the typed bridge on
 * `window.hookSlinger` through contextBridge. Nothing else of Electron reaches the page.
 */
import { contextBridge, ipcRenderer } from 'electron'
import { createBridge } from './bridge'

contextBridge.exposeInMainWorld('hookSlinger', createBridge(ipcRenderer, process.platform))
