/**
 * Preferences that only exist on the desktop (the engine's settings live in its database).
 */
import { join } from 'node:path'
import { readJsonFile, writeJsonFile } from './json-file'

export interface DesktopSettings {
  /** Closing the window keeps the engine (and the ingest endpoint) running in the tray. Default true. */
  isCloseToTray: boolean
  /** A native notification when a job fails permanently. Default false. */
  isNotifyOnFailure: boolean
}

const DEFAULTS: DesktopSettings = { isCloseToTray: true, isNotifyOnFailure: false }

export function createDesktopSettings(userDataDir: string) {
  const file = join(userDataDir, 'desktop-settings.json')
  let current = readJsonFile(file, DEFAULTS)
  return {
    get: (): DesktopSettings => current,
    update(patch: Partial<DesktopSettings>): DesktopSettings {
      current = { ...current, ...patch }
      writeJsonFile(file, current)
      return current
    },
  }
}
