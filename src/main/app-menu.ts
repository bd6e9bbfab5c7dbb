/**
 * The application menu with the usual roles and shortcuts, and the about panel with versions.
 */
import { Menu, app, type MenuItemConstructorOptions } from 'electron'

export function installAppMenu(options: { openDataFolder: () => void; openDocs: () => void }): void {
  app.setAboutPanelOptions({
    applicationName: 'Hook Slinger',
    applicationVersion: app.getVersion(),
    version: `Electron ${process.versions.electron} · Node ${process.versions.node} · Chromium ${process.versions.chrome}`,
    copyright: 'Send, retry, inspect and replay webhooks.',
  })
  const isMac = process.platform === 'darwin'
  const template: MenuItemConstructorOptions[] = [
    ...(isMac ? [{ role: 'appMenu' as const }] : []),
    {
      label: 'File',
      submenu: [{ label: 'Open data folder', click: options.openDataFolder }, { type: 'separator' }, isMac ? { role: 'close' } : { role: 'quit' }],
    },
    { role: 'editMenu' },
    { role: 'viewMenu' },
    { role: 'windowMenu' },
    {
      role: 'help',
      submenu: [
        { label: 'API documentation', click: options.openDocs },
        { label: 'About Hook Slinger', role: 'about' },
      ],
    },
  ]
  Menu.setApplicationMenu(Menu.buildFromTemplate(template))
}
