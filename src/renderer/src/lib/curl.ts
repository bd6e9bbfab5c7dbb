/**
 * "Copy as cURL" for a job: the request the engine sends, ready for a terminal. Secret header
 * values are never known to the UI; they appear as placeholders.
 */
import type { Job } from '../../../shared/contract/job'

const quote = (text: string): string => `'${text.replace(/'/g, `'\\''`)}'`

export function toCurl(job: Pick<Job, 'id' | 'to_url' | 'method' | 'headers' | 'payload' | 'has_auth'>): string {
  const lines = [`curl -X ${job.method} ${quote(job.to_url)}`, `  -H ${quote('content-type: application/json')}`, `  -H ${quote(`webhook-id: ${job.id}`)}`]
  for (const [name, value] of Object.entries(job.headers)) lines.push(`  -H ${quote(`${name}: ${value === '[redacted]' ? `<${name}>` : value}`)}`)
  if (job.has_auth) lines.push(`  -H ${quote('authorization: <to_auth>')}`)
  lines.push(`  --data-raw ${quote(JSON.stringify(job.payload))}`)
  return lines.join(' \\\n')
}
