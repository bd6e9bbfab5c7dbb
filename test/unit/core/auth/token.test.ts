import { statSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { isSameToken, loadOrCreateToken, tokenFilePath, tokenFromAuthorization } from '../../../../src/core/auth/token'
import { tempDataDir } from '../../../helpers/temp-dir'

describe('token', () => {
  const temp = tempDataDir()
  it('generates a random token at first start, stores it 0600 and reuses it', () => {
    const first = loadOrCreateToken(temp.dir)
    expect(first).toMatch(/^[A-Za-z0-9_-]{43}$/)
    expect(statSync(tokenFilePath(temp.dir)).mode & 0o777).toBe(0o600)
    expect(loadOrCreateToken(temp.dir)).toBe(first)
    temp.cleanup()
  })

  it('generates different tokens for different data dirs (no built-in default)', () => {
    const a = tempDataDir()
    const b = tempDataDir()
    expect(loadOrCreateToken(a.dir)).not.toBe(loadOrCreateToken(b.dir))
    a.cleanup()
    b.cleanup()
  })

  it('compares tokens exactly', () => {
    expect(isSameToken('abc', 'abc')).toBe(true)
    expect(isSameToken('abc', 'abd')).toBe(false)
    expect(isSameToken('ab', 'abc')).toBe(false)
    expect(isSameToken('', 'abc')).toBe(false)
  })

  it("reads only the original's 'Token' scheme", () => {
    expect(tokenFromAuthorization('Token abc')).toBe('abc')
    expect(tokenFromAuthorization('token   abc  ')).toBe('abc')
    expect(tokenFromAuthorization('Bearer abc')).toBeNull()
    expect(tokenFromAuthorization('Token')).toBeNull()
    expect(tokenFromAuthorization('Token a b')).toBeNull()
    expect(tokenFromAuthorization(undefined)).toBeNull()
  })
})
