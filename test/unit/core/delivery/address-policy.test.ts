import type { LookupAddress } from 'node:dns'
import { describe, expect, it } from 'vitest'
import { refusalOf } from '../../../../src/core/delivery/address-policy'
import { BLOCKED_TARGET, createSafeLookup } from '../../../../src/core/delivery/safe-lookup'

const open = { blockPrivate: false }
const strict = { blockPrivate: true }

describe('refusalOf', () => {
  it.each(['169.254.169.254', '169.254.0.1', '::ffff:169.254.169.254', '::ffff:a9fe:a9fe', 'fe80::1', '[fe80::abcd]', 'febf::1', 'fd00:ec2::254', '0.0.0.0', '::'])(
    'always refuses %s',
    (ip) => {
      expect(refusalOf(ip, open)).not.toBeNull()
    },
  )

  it.each(['127.0.0.1', '127.1.2.3', '::1', '8.8.8.8', '2001:db8::1'])('allows %s', (ip) => {
    expect(refusalOf(ip, strict)).toBeNull()
  })

  it.each(['10.0.0.1', '172.16.5.4', '172.31.255.255', '192.168.1.1', '100.64.0.1', 'fc00::1', 'fd12:3456::1', '::ffff:10.0.0.1'])(
    'refuses the private address %s only when private targets are blocked',
    (ip) => {
      expect(refusalOf(ip, open)).toBeNull()
      expect(refusalOf(ip, strict)).toMatch(/private range/)
    },
  )

  it('lets host names through (they are checked after resolution)', () => {
    expect(refusalOf('example.com', strict)).toBeNull()
  })
})

describe('createSafeLookup', () => {
  const resolverFor = (addresses: LookupAddress[]) => (_host: string, _options: unknown, callback: (e: null, a: LookupAddress[]) => void) => callback(null, addresses)

  function lookup(addresses: LookupAddress[], all: boolean) {
    return new Promise<{ error: NodeJS.ErrnoException | null; address: unknown }>((resolve) => {
      createSafeLookup(open, resolverFor(addresses))('hooks.example', { all }, (error, address) => resolve({ error, address }))
    })
  }

  it('refuses a name that resolves only to the metadata address', async () => {
    const { error } = await lookup([{ address: '169.254.169.254', family: 4 }], false)
    expect(error?.code).toBe(BLOCKED_TARGET)
    expect(error?.message).toMatch(/hooks.example resolves to a refused address/)
  })

  it('drops refused addresses and keeps the rest', async () => {
    const mixed = [{ address: 'fe80::1', family: 6 }, { address: '127.0.0.1', family: 4 }]
    expect(await lookup(mixed, false)).toEqual({ error: null, address: '127.0.0.1' })
    expect(await lookup(mixed, true)).toEqual({ error: null, address: [{ address: '127.0.0.1', family: 4 }] })
  })
})
