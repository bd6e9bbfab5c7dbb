/**
 * The API token: loaded from or generated into the data dir, and compared in constant time.
 * Used by both hosts (CLI and Electron) and by the HTTP auth check.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto'
import { chmodSync, existsSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'

export const TOKEN_FILE_NAME = 'token'

export function tokenFilePath(dataDir: string): string {
  return join(dataDir, TOKEN_FILE_NAME)
}

/** A fresh random token: 32 bytes, base64url (43 characters), safe in a header and a URL. */
export function generateToken(): string {
  return randomBytes(32).toString('base64url')
}

/**
 * Returns the token stored in the data dir, generating and storing one (mode 0600) on first start.
 * There is deliberately no built-in default token.
 */
export function loadOrCreateToken(dataDir: string): string {
  const file = tokenFilePath(dataDir)
  if (existsSync(file)) {
    const stored = readFileSync(file, 'utf8').trim()
    if (stored !== '') return stored
  }
  const token = generateToken()
  storeToken(file, token)
  return token
}

/** Writes a token file readable by its owner only. */
export function storeToken(file: string, token: string): void {
  writeFileSync(file, `${token}\n`, { mode: 0o600 })
  chmodSync(file, 0o600)
}

/**
 * Constant-time comparison. Both sides are hashed first so that neither the content nor the length
 * of the expected token leaks through timing.
 */
export function isSameToken(given: string, expected: string): boolean {
  const a = createHash('sha256').update(given).digest()
  const b = createHash('sha256').update(expected).digest()
  return timingSafeEqual(a, b)
}

/** Extracts the token from `Authorization: Token <token>` (the original's scheme); null otherwise. */
export function tokenFromAuthorization(header: string | undefined): string | null {
  if (header === undefined) return null
  const match = /^Token\s+(\S+)\s*$/i.exec(header)
  return match?.[1] ?? null
}
