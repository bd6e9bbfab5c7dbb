/**
 * Electron main process: the desktop host (composition root). It runs the same engine as the CLI
 * with its data in the OS's per-user app folder, and shows the UI in a locked-down window.
 * The full shell (IPC adapter, tray, menus) arrives with the Electron-shell issue.
 */
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { app, BrowserWindow, shell } from 'electron'
import pino from 'pino'
import { loadOrCreateToken } from '../core/auth/token'
import { createEngine, type Engine } from '../core/engine'

let engine: Engine | undefined

function createWindow(): BrowserWindow {
  const window = new BrowserWindow({
    width: 1280,
    height: 800,
    show: false,
    title: 'Hook Slinger',
    webPreferences: {
      preload: join(__dirname, '../preload/index.js'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
    },
  })
  window.once('ready-to-show', () => window.show())
  // Never navigate away from the app or open new windows; external links go to the OS browser.
  window.webContents.on('will-navigate', (event) => event.preventDefault())
  window.webContents.setWindowOpenHandler(({ url }) => {
    if (url.startsWith('https://') || url.startsWith('http://')) void shell.openExternal(url)
    return { action: 'deny' }
  })
  void window.loadFile(join(__dirname, '../renderer/index.html'))
  return window
}

async function startEngine(): Promise<void> {
  const dataDir = app.getPath('userData')
  mkdirSync(dataDir, { recursive: true, mode: 0o700 })
  engine = createEngine(
    { dataDir, token: process.env['API_TOKEN'] ?? loadOrCreateToken(dataDir) },
    {
      logger: pino({ level: process.env['LOG_LEVEL'] ?? 'info' }),
      workerScript: { path: join(__dirname, 'delivery-worker.js') },
      version: app.getVersion(),
    },
  )
  await engine.start()
}

if (!app.requestSingleInstanceLock()) {
  app.quit()
} else {
  app.on('second-instance', () => BrowserWindow.getAllWindows()[0]?.focus())
  void app.whenReady().then(async () => {
    await startEngine()
    createWindow()
    app.on('activate', () => {
      if (BrowserWindow.getAllWindows().length === 0) createWindow()
    })
  })
  let isQuitting = false
  app.on('before-quit', (event) => {
    if (isQuitting || !engine) return
    // Drain in-flight deliveries before the process goes away.
    event.preventDefault()
    isQuitting = true
    void engine.stop().finally(() => app.quit())
  })
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit()
  })
}
