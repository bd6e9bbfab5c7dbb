/**
 * The main window, locked down: context isolation, sandbox, no Node in the page, no navigation
 * away from the app, no new windows (links open in the OS browser), no permissions, and its
 * bounds remembered between runs.
 */
import { join } from 'node:path'
import { BrowserWindow, screen, shell } from 'electron'
import { readJsonFile, writeJsonFile } from './json-file'

interface Bounds {
  x?: number
  y?: number
  width: number
  height: number
  isMaximized: boolean
}

function isVisibleOnSomeDisplay(bounds: Bounds): boolean {
  if (bounds.x === undefined || bounds.y === undefined) return true
  return screen.getAllDisplays().some(({ workArea }) => bounds.x! >= workArea.x - 50 && bounds.y! >= workArea.y - 50 && bounds.x! < workArea.x + workArea.width && bounds.y! < workArea.y + workArea.height)
}

export function createMainWindow(options: { userDataDir: string; preloadPath: string; rendererUrl: string | null; rendererFile: string }): BrowserWindow {
  const stateFile = join(options.userDataDir, 'window-state.json')
  const saved = readJsonFile<Bounds>(stateFile, { width: 1280, height: 800, isMaximized: false })
  const bounds = isVisibleOnSomeDisplay(saved) ? saved : { width: 1280, height: 800, isMaximized: false }
  const window = new BrowserWindow({
    ...(bounds.x !== undefined && bounds.y !== undefined ? { x: bounds.x, y: bounds.y } : {}),
    width: bounds.width,
    height: bounds.height,
    minWidth: 960,
    minHeight: 600,
    show: false,
    title: 'Hook Slinger',
    webPreferences: {
      preload: options.preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      spellcheck: false,
    },
  })
  if (bounds.isMaximized) window.maximize()
  window.once('ready-to-show', () => window.show())

  const contents = window.webContents
  contents.on('will-navigate', (event) => event.preventDefault())
  contents.on('will-attach-webview', (event) => event.preventDefault())
  contents.setWindowOpenHandler(({ url }) => {
    if (/^https?:\/\//.test(url)) void shell.openExternal(url)
    return { action: 'deny' }
  })
  contents.session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false))

  let saveTimer: NodeJS.Timeout | undefined
  const save = () => {
    clearTimeout(saveTimer)
    saveTimer = setTimeout(() => {
      if (window.isDestroyed()) return
      writeJsonFile(stateFile, { ...window.getNormalBounds(), isMaximized: window.isMaximized() })
    }, 300)
  }
  window.on('resize', save)
  window.on('move', save)
  window.on('close', () => writeJsonFile(stateFile, { ...window.getNormalBounds(), isMaximized: window.isMaximized() }))

  if (options.rendererUrl) void window.loadURL(options.rendererUrl)
  else void window.loadFile(options.rendererFile)
  return window
}
