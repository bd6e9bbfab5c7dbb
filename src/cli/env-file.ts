/**
 * Reads a `.env` file like the original Hook Slinger did. Values already set in the real environment
 * win, as with dotenv. A missing file is not an error.
 */
import { existsSync, readFileSync } from 'node:fs'
import { parseEnv } from 'node:util'

export type EnvVars = Readonly<Record<string, string | undefined>>

export function readEnvFile(file: string): Record<string, string> {
  if (!existsSync(file)) return {}
  return parseEnv(readFileSync(file, 'utf8')) as Record<string, string>
}

export function mergeEnv(fromFile: Record<string, string>, processEnv: EnvVars): EnvVars {
  return { ...fromFile, ...processEnv }
}
