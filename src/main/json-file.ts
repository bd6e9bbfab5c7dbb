/**
 * Small JSON documents of the desktop host in the user-data folder (window bounds, desktop
 * preferences). An unreadable file counts as absent: these are conveniences, never data.
 */
import { readFileSync, writeFileSync } from 'node:fs'

export function readJsonFile<T extends object>(file: string, fallback: T): T {
  try {
    return { ...fallback, ...(JSON.parse(readFileSync(file, 'utf8')) as Partial<T>) }
  } catch {
    return fallback
  }
}

export function writeJsonFile(file: string, value: unknown): void {
  writeFileSync(file, JSON.stringify(value, null, 2))
}
