/**
 * Electron main process: the desktop host and a composition root only. It builds the
 * infrastructure (data in userData, token, logger, worker path), starts the same engine as
 * `hook-slinger serve`, and connects the window to it over IPC.
 */
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { type BrowserWindow, Notification, app, clipboard, dialog, ipcMain, shell } from 'electron'
import pino from 'pino'
import { loadOrCreateToken, tokenFilePath } from '../core/auth/token'
import { DEFAULT_PORT } from '../core/config'
import { createEngine, type Engine } from '../core/engine'
import { DESKTOP_CHANNELS } from '../shared/contract/ipc'
import { createMainWindow } from './main-window'
import { createDesktopSettings } from './desktop-settings'
import { forwardEvents, isTrustedSenderUrl, registerIpcHandlers } from './ipc-adapter'
import { installAppMenu } from './app-menu'
import { createTray } from './tray'

const devServerUrl = process.env['ELECTRON_RENDERER_URL'] ?? null
const resourcesDir = app.isPackaged ? join(process.resourcesPath, 'resources') : join(__dirname, '..', '..', 'resources')

let engine: Engine | undefined
let mainWindow: BrowserWindow | null = null
let isQuitting = false

async function startEngine(userDataDir: string): Promise<Engine> {
  const configuredToken = process.env['API_TOKEN']
  const base = {
    dataDir: userDataDir,
    token: configuredToken ?? loadOrCreateToken(userDataDir),
    tokenFile: configuredToken ? null : tokenFilePath(userDataDir),
    uiDir: null,
    port: Number(process.env['PORT'] ?? DEFAULT_PORT),
  }
  const deps = {
    logger: pino({ level: process.env['LOG_LEVEL'] ?? 'info' }),
    workerScript: { path: join(__dirname, 'delivery-worker.js') },
    searchWorkerScript: { path: join(__dirname, 'search-worker.js') },
    version: app.getVersion(),
  }
  const candidate = createEngine(base, deps)
  try {
    await candidate.start()
    return candidate
  } catch (error) {
    if ((error as { code?: string }).code !== 'EADDRINUSE') throw error
    // Another program holds the port: say so, and listen on a free one rather than not at all.
    await dialog.showMessageBox({
      type: 'warning',
      message: `Port ${base.port} is already in use`,
      detail: 'Hook Slinger will accept webhooks on a free port instead. Its URL is in the tray menu ("Copy ingest URL").',
    })
    const fallback = createEngine({ ...base, port: 0 }, deps)
    await fallback.start()
    return fallback
  }
}

function openWindow(): void {
  if (mainWindow && !mainWindow.isDestroyed()) {
    if (mainWindow.isMinimized()) mainWindow.restore()
    mainWindow.show()
    mainWindow.focus()
    return
  }
  mainWindow = createMainWindow({
    userDataDir: app.getPath('userData'),
    preloadPath: join(__dirname, '..', 'preload', 'index.js'),
    rendererUrl: app.isPackaged ? null : devServerUrl,
    rendererFile: join(__dirname, '..', 'renderer', 'index.html'),
  })
  const window = mainWindow
  const stopForwarding = forwardEvents((listener) => engine!.subscribe(listener), window.webContents)
  window.on('close', (event) => {
    if (!isQuitting && settings.get().isCloseToTray) {
      event.preventDefault()
      window.hide()
    }
  })
  window.on('closed', () => {
    stopForwarding()
    mainWindow = null
  })
}

const settings = createDesktopSettings(app.getPath('userData'))

if (!app.requestSingleInstanceLock()) {
  app.quit()
} else {
  app.on('second-instance', openWindow)
  void app.whenReady().then(async () => {
    const userDataDir = app.getPath('userData')
    mkdirSync(userDataDir, { recursive: true, mode: 0o700 })
    engine = await startEngine(userDataDir)
    const running = engine
    registerIpcHandlers(ipcMain, () => running.api(), (url) => isTrustedSenderUrl(url, devServerUrl))
    ipcMain.handle(DESKTOP_CHANNELS.openDataFolder, () => shell.openPath(userDataDir))
    ipcMain.handle(DESKTOP_CHANNELS.copyToClipboard, (_event, text: unknown) => clipboard.writeText(String(text)))
    ipcMain.handle(DESKTOP_CHANNELS.openExternal, (_event, url: unknown) => {
      if (typeof url === 'string' && /^https?:\/\//.test(url)) return shell.openExternal(url)
      return undefined
    })
    running.subscribe((event) => {
      if (event.type === 'job:updated' && event.job.status === 'failed' && settings.get().isNotifyOnFailure && Notification.isSupported()) {
        new Notification({ title: 'Webhook failed', body: `${event.job.id} → ${event.job.to_url} (${event.job.last_error ?? 'failed'})` }).show()
      }
    })
    installAppMenu({
      openDataFolder: () => void shell.openPath(userDataDir),
      openDocs: () => void shell.openExternal(`${running.address().url}/docs?token=${encodeURIComponent(running.config.token)}`),
    })
    createTray({ iconPath: join(resourcesDir, 'icon.png'), engine: () => running, settings, openWindow, quit: () => app.quit() })
    openWindow()
    app.on('activate', openWindow)
  })

  app.on('before-quit', (event) => {
    isQuitting = true
    if (!engine) return
    // Drain in-flight deliveries (or hand them back to the queue) before the process goes away.
    event.preventDefault()
    const stopping = engine
    engine = undefined
    void stopping.stop().finally(() => app.quit())
  })
  app.on('window-all-closed', () => {
    // With close-to-tray the window only hides; this runs when it really closed.
    if (process.platform !== 'darwin' && !settings.get().isCloseToTray) app.quit()
  })
}
