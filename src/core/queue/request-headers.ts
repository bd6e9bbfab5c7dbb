/**
 * The headers of an outgoing webhook request, built from a stored job. Pure.
 */
export interface RequestHeadersInput {
  jobId: string
  toAuth: string | null
  extraHeaders: Record<string, string>
  userAgent: string
}

export function buildRequestHeaders(input: RequestHeadersInput): Record<string, string> {
  const headers: Record<string, string> = {}
  for (const [name, value] of Object.entries(input.extraHeaders)) {
    // An explicit to_auth wins over an Authorization passed in `headers`.
    if (input.toAuth !== null && name.toLowerCase() === 'authorization') continue
    headers[name] = value
  }
  headers['content-type'] = 'application/json'
  headers['user-agent'] = input.userAgent
  // Stable across attempts, so receivers can de-duplicate at-least-once deliveries.
  headers['webhook-id'] = input.jobId
  if (input.toAuth !== null) headers['authorization'] = input.toAuth
  return headers
}
