/**
 * The ingest contract: `POST /hook_slinger/`, drop-in compatible with the original Hook Slinger
 * (FastAPI) body and answer, plus optional extensions old callers never send.
 */
import { z } from 'zod'
import { isSafeHeaderValue, isValidHeaderName, RESERVED_HEADER_NAMES } from './http-header'
import { RetryPolicy } from './retry-policy'
import { checkTargetUrl } from './target-url'
import { detailOf } from './zod-detail'

export const MAX_LABEL_LENGTH = 255
export const MAX_EXTRA_HEADERS = 64
export const MAX_HEADER_VALUE_LENGTH = 8192
export const MAX_DELAY_MS = 30 * 24 * 60 * 60 * 1000
export const DELIVERY_METHODS = ['POST', 'PUT', 'PATCH'] as const
export type DeliveryMethod = (typeof DELIVERY_METHODS)[number]

const label = z.string().max(MAX_LABEL_LENGTH, `must be at most ${MAX_LABEL_LENGTH} characters`).nullable().optional()

const jsonObject = z.custom<Record<string, unknown>>(
  (value) => typeof value === 'object' && value !== null && !Array.isArray(value),
  { message: 'must be a JSON object' },
)

/** Field types only; the semantic URL and header checks follow in `validateIngest`. */
export const IngestBody = z.object({
  to_url: z.string({ error: 'is required and must be a string' }),
  to_auth: z.string().max(MAX_HEADER_VALUE_LENGTH).nullable().optional(),
  tag: label,
  group: label,
  payload: jsonObject,
  headers: z.record(z.string(), z.string().max(MAX_HEADER_VALUE_LENGTH)).nullable().optional(),
  method: z.enum(DELIVERY_METHODS, { error: `must be one of ${DELIVERY_METHODS.join(', ')}` }).optional(),
  delay_ms: z.number().int().min(0).max(MAX_DELAY_MS).optional(),
  retry: RetryPolicy.nullable().optional(),
})

/** A validated ingest request, normalized: empty labels and auth become null. */
export interface IngestRequest {
  to_url: string
  to_auth: string | null
  tag: string | null
  group: string | null
  payload: Record<string, unknown>
  headers: Record<string, string>
  method: DeliveryMethod
  delay_ms: number
  retry: RetryPolicy | null
}

export const IngestAcceptedSchema = z.object({
  status: z.literal('queued'),
  ok: z.literal(true),
  message: z.literal('Webhook registration successful.'),
  job_id: z.string(),
  queued_at: z.string(),
})

/** The 202 answer, byte-compatible in shape with the original. */
export interface IngestAccepted {
  status: 'queued'
  ok: true
  message: 'Webhook registration successful.'
  job_id: string
  queued_at: string
}

export type IngestValidation =
  | { ok: true; value: IngestRequest }
  | { ok: false; status: 400 | 422; detail: string }

/** Validates a parsed JSON body. 400 for a bad `to_url` (as documented), 422 for other schema violations. */
export function validateIngest(body: unknown): IngestValidation {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    return { ok: false, status: 422, detail: 'body: must be a JSON object with to_url and payload' }
  }
  const parsed = IngestBody.safeParse(body)
  if (!parsed.success) {
    return { ok: false, status: 422, detail: detailOf(parsed.error) }
  }
  const input = parsed.data
  const target = checkTargetUrl(input.to_url)
  if (!target.ok) return { ok: false, status: 400, detail: `to_url: ${target.reason}` }

  const toAuth = input.to_auth ?? ''
  if (!isSafeHeaderValue(toAuth)) {
    return { ok: false, status: 422, detail: 'to_auth: must not contain CR, LF or NUL characters' }
  }
  const headers = input.headers ?? {}
  const names = Object.keys(headers)
  if (names.length > MAX_EXTRA_HEADERS) {
    return { ok: false, status: 422, detail: `headers: at most ${MAX_EXTRA_HEADERS} headers are allowed` }
  }
  for (const name of names) {
    const shown = JSON.stringify(name.slice(0, 64))
    if (!isValidHeaderName(name)) {
      return { ok: false, status: 422, detail: `headers: ${shown} is not a valid header name` }
    }
    if (RESERVED_HEADER_NAMES.has(name.toLowerCase())) {
      return { ok: false, status: 422, detail: `headers: ${shown} is set by Hook Slinger and cannot be overridden` }
    }
    if (!isSafeHeaderValue(headers[name] ?? '')) {
      return { ok: false, status: 422, detail: `headers.${name.slice(0, 64)}: must not contain CR, LF or NUL characters` }
    }
  }
  return {
    ok: true,
    value: {
      to_url: input.to_url,
      to_auth: toAuth === '' ? null : toAuth,
      tag: input.tag ? input.tag : null,
      group: input.group ? input.group : null,
      payload: input.payload,
      headers,
      method: input.method ?? 'POST',
      delay_ms: input.delay_ms ?? 0,
      retry: input.retry ?? null,
    },
  }
}

/** The original's job id: `<group>_<tag>_<uuid4>`, leaving out a missing group or tag. */
export function formatJobId(group: string | null, tag: string | null, uuid: string): string {
  return [group, tag, uuid].filter((part): part is string => part !== null && part !== '').join('_')
}
