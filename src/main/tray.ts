/**
 * The tray icon: live queued/failed counts, and the controls that matter while the window is closed.
 */
import { Menu, Tray, clipboard, nativeImage } from 'electron'
import type { Engine } from '../core/engine'
import type { createDesktopSettings } from './desktop-settings'

export interface TrayOptions {
  iconPath: string
  engine: () => Engine
  settings: ReturnType<typeof createDesktopSettings>
  openWindow: () => void
  quit: () => void
  refreshIntervalMs?: number
}

export function createTray(options: TrayOptions): () => void {
  const icon = nativeImage.createFromPath(options.iconPath).resize({ width: 18, height: 18 })
  const tray = new Tray(icon)
  let isPaused = false
  let counts = { queued: 0, failed: 0 }

  const render = () => {
    const settings = options.settings.get()
    const ingestUrl = `${options.engine().address().url}/hook_slinger/`
    tray.setToolTip(`Hook Slinger — ${counts.queued} queued, ${counts.failed} failed`)
    tray.setContextMenu(
      Menu.buildFromTemplate([
        { label: `${counts.queued} queued · ${counts.failed} failed`, enabled: false },
        { type: 'separator' },
        { label: 'Open Hook Slinger', click: options.openWindow },
        {
          label: isPaused ? 'Resume deliveries' : 'Pause deliveries',
          click: () => {
            isPaused = !isPaused
            options.engine().setDeliveriesPaused(isPaused)
            render()
          },
        },
        { label: 'Copy ingest URL', click: () => clipboard.writeText(ingestUrl) },
        { type: 'separator' },
        {
          label: 'Keep running when the window is closed',
          type: 'checkbox',
          checked: settings.isCloseToTray,
          click: (item) => options.settings.update({ isCloseToTray: item.checked }),
        },
        {
          label: 'Notify when a job fails permanently',
          type: 'checkbox',
          checked: settings.isNotifyOnFailure,
          click: (item) => options.settings.update({ isNotifyOnFailure: item.checked }),
        },
        { type: 'separator' },
        { label: 'Quit', click: options.quit },
      ]),
    )
  }
  const refresh = () => {
    options
      .engine()
      .api()
      .getStats({})
      .then((stats) => {
        counts = { queued: stats.queue_depth, failed: stats.counts.failed }
        render()
      })
      .catch(() => undefined)
  }
  tray.on('click', options.openWindow)
  refresh()
  const timer = setInterval(refresh, options.refreshIntervalMs ?? 2000)
  return () => {
    clearInterval(timer)
    tray.destroy()
  }
}
