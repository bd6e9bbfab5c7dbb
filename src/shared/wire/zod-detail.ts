/**
 * Turns a schema failure into the one-line `detail` the wire promises: `<field>: <problem>`.
 */
import type { z } from 'zod'

export function describePath(path: readonly PropertyKey[]): string {
  return path.length === 0 ? 'body' : path.map(String).join('.')
}

export function detailOf(error: z.ZodError): string {
  const issue = error.issues[0]
  return issue ? `${describePath(issue.path)}: ${issue.message}` : 'body: is invalid'
}
