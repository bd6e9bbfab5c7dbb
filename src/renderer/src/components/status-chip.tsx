import type { JobStatus } from '../../../shared/wire/job-status'

/** Job status as a coloured chip (colours in styles.css, per status). */
export function StatusChip({ status }: { status: JobStatus }) {
  return <span className={`chip chip-${status}`}>{status}</span>
}

/** HTTP status (or error code) coloured by class, like Postman and HTTP Toolkit do. */
export function HttpChip({ status, error }: { status: number | null; error?: string | null }) {
  if (status === null) return error ? <span className="chip chip-error" title={error}>{error.split(':')[0]}</span> : <span className="muted">—</span>
  const kind = status >= 500 ? 'http-5xx' : status >= 400 ? 'http-4xx' : status >= 300 ? 'http-3xx' : 'http-2xx'
  return <span className={`chip chip-${kind}`}>{status}</span>
}
