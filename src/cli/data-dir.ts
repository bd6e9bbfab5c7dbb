/**
 * The per-user data directory for the headless host, following each OS's convention
 * (Electron's `app.getPath('userData')` lands in the same place on macOS and Windows).
 */
import { homedir } from 'node:os'
import { join } from 'node:path'
import type { EnvVars } from './env-file'

export const APP_DIR_NAME = 'hook-slinger'

export function defaultDataDir(env: EnvVars, platform: NodeJS.Platform = process.platform, home = homedir()): string {
  if (platform === 'win32') return join(env['APPDATA'] ?? join(home, 'AppData', 'Roaming'), APP_DIR_NAME)
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', APP_DIR_NAME)
  const xdg = env['XDG_DATA_HOME']
  return join(xdg && xdg.startsWith('/') ? xdg : join(home, '.local', 'share'), APP_DIR_NAME)
}
