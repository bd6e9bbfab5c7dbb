/**
 * Every attempt of a job as a timeline: when, how long, what came back; each expands to the
 * response headers and body.
 */
import { useState } from 'react'
import type { Attempt } from '../../../../shared/contract/job'
import { HttpChip } from '../../components/status-chip'
import { formatDuration, formatTime, prettyJson } from '../../lib/format'
import { HeadersTable } from './headers-table'

function AttemptItem({ attempt }: { attempt: Attempt }) {
  const [isOpen, setOpen] = useState(false)
  const [isRaw, setRaw] = useState(false)
  const body = attempt.response_body ?? ''
  const { pretty, isJson } = prettyJson(body)
  return (
    <li className={`attempt attempt-${attempt.outcome}`}>
      <button type="button" className="attempt-summary" aria-expanded={isOpen} onClick={() => setOpen(!isOpen)}>
        <span className="attempt-number">#{attempt.number}</span>
        <HttpChip status={attempt.response_status} error={attempt.error_code} />
        <span className="muted">{formatTime(attempt.started_at)}</span>
        <span>{formatDuration(attempt.duration_ms)}</span>
        <span className="muted">{attempt.outcome === 'retry' ? 'will retry' : attempt.outcome}</span>
      </button>
      {isOpen && (
        <div className="attempt-body">
          {attempt.error_message && <p className="error-text">{attempt.error_code}: {attempt.error_message}</p>}
          <h4>Request headers</h4>
          <HeadersTable headers={attempt.request.headers} />
          {attempt.response_headers && (
            <>
              <h4>Response headers</h4>
              <HeadersTable headers={attempt.response_headers} />
            </>
          )}
          {attempt.response_status !== null && (
            <>
              <h4>
                Response body {attempt.response_truncated && <span className="chip chip-warn">truncated at 64 KiB</span>}
                {isJson && (
                  <button type="button" className="button small" onClick={() => setRaw(!isRaw)}>
                    {isRaw ? 'Pretty' : 'Raw'}
                  </button>
                )}
              </h4>
              <pre className="raw">{body === '' ? <span className="muted">(empty)</span> : isRaw ? body : pretty}</pre>
            </>
          )}
        </div>
      )}
    </li>
  )
}

export function AttemptsTimeline({ attempts }: { attempts: Attempt[] }) {
  if (attempts.length === 0) return <p className="muted">No attempt yet.</p>
  return (
    <ol className="attempts" aria-label="Attempts">
      {[...attempts].reverse().map((attempt) => (
        <AttemptItem key={attempt.number} attempt={attempt} />
      ))}
    </ol>
  )
}
