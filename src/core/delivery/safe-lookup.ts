/**
 * A DNS lookup for the delivery agent that drops refused addresses (see address-policy) from the
 * answer, so a hostname that resolves to a cloud-metadata address is refused like the IP itself.
 */
import { lookup as dnsLookup, type LookupAddress, type LookupOptions } from 'node:dns'
import { refusalOf, type AddressPolicy } from './address-policy'

export const BLOCKED_TARGET = 'EBLOCKEDTARGET'

type LookupCallback = (error: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void

type Resolve = (hostname: string, options: LookupOptions & { all: true }, callback: (error: NodeJS.ErrnoException | null, addresses: LookupAddress[]) => void) => void

/** @param resolve the system resolver by default; injectable for tests. */
export function createSafeLookup(policy: AddressPolicy, resolve: Resolve = dnsLookup as unknown as Resolve) {
  return (hostname: string, options: LookupOptions, callback: LookupCallback): void => {
    resolve(hostname, { ...options, all: true }, (error, addresses) => {
      if (error) {
        callback(error, [])
        return
      }
      const allowed = addresses.filter((a) => refusalOf(a.address, policy) === null)
      if (allowed.length === 0) {
        const refusal = addresses.map((a) => refusalOf(a.address, policy)).find((r) => r !== null) ?? 'refused'
        callback(Object.assign(new Error(`${hostname} resolves to a refused address: ${refusal}`), { code: BLOCKED_TARGET }), [])
        return
      }
      if (options.all) callback(null, allowed)
      else callback(null, allowed[0]!.address, allowed[0]!.family)
    })
  }
}
