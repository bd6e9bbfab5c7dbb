/**
 * Which network addresses a webhook may be delivered to. Cloud-metadata and link-local addresses
 * (169.254.0.0/16, fe80::/10, AWS's fd00:ec2::254, and IPv4-mapped IPv6 forms of them) are always
 * refused: a webhook URL must never become a way to read a cloud machine's credentials. Private
 * ranges are refused only when asked (`--block-private-targets`, for server use); loopback stays
 * allowed because local development is the main use. Node's BlockList does the matching (it also
 * applies IPv4 rules to IPv4-mapped IPv6 addresses).
 */
import { BlockList, isIP } from 'node:net'

export interface AddressPolicy {
  blockPrivate: boolean
}

const alwaysBlocked = new BlockList()
alwaysBlocked.addSubnet('169.254.0.0', 16, 'ipv4')
alwaysBlocked.addSubnet('0.0.0.0', 8, 'ipv4')
alwaysBlocked.addSubnet('fe80::', 10, 'ipv6')
alwaysBlocked.addAddress('fd00:ec2::254', 'ipv6')
alwaysBlocked.addAddress('::', 'ipv6')

const privateRanges = new BlockList()
privateRanges.addSubnet('10.0.0.0', 8, 'ipv4')
privateRanges.addSubnet('172.16.0.0', 12, 'ipv4')
privateRanges.addSubnet('192.168.0.0', 16, 'ipv4')
privateRanges.addSubnet('100.64.0.0', 10, 'ipv4')
privateRanges.addSubnet('fc00::', 7, 'ipv6')

/** Why an IP address is refused as a destination, or null when it may be used. */
export function refusalOf(address: string, policy: AddressPolicy): string | null {
  const ip = address.replace(/^\[|\]$/g, '')
  const family = isIP(ip)
  if (family === 0) return null
  const type = family === 4 ? 'ipv4' : 'ipv6'
  if (alwaysBlocked.check(ip, type)) return `${ip} is a link-local, cloud-metadata or unspecified address`
  if (policy.blockPrivate && privateRanges.check(ip, type)) return `${ip} is in a private range (private targets are blocked)`
  return null
}
