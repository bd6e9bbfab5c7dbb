/**
 * The detail pane of the selected job: actions (replay, edit & replay, retry, cancel, delete,
 * copy as cURL), payload, request headers and the attempts timeline.
 */
import { useEffect, useState } from 'react'
import type { JobSummary } from '../../../../shared/contract/job'
import { useStore } from 'zustand'
import type { JobDetail as Detail } from '../../../../shared/contract/job'
import { useServices } from '../../app-context'
import { CopyButton } from '../../components/copy-button'
import { JsonView } from '../../components/json-view'
import { StatusChip } from '../../components/status-chip'
import { useNow } from '../../components/use-now'
import { toCurl } from '../../lib/curl'
import { formatRelative, formatTime } from '../../lib/format'
import { AttemptsTimeline } from './attempts-timeline'
import { EditReplay } from './edit-replay'
import { HeadersTable } from './headers-table'

export function JobDetailPane({ onOpen }: { onOpen: (id: string) => void }) {
  const { detail: store } = useServices()
  const detail = useStore(store, (s) => s.detail)
  const isLoading = useStore(store, (s) => s.isLoading)
  const error = useStore(store, (s) => s.error)
  const id = useStore(store, (s) => s.id)
  if (id === null) return <aside className="detail empty-detail">Select a job to see its payload and attempts.</aside>
  if (error) return <aside className="detail"><p className="error-text" role="alert">{error}</p></aside>
  if (!detail) return <aside className="detail muted">{isLoading ? 'Loading…' : ''}</aside>
  return <Loaded job={detail} onOpen={onOpen} />
}

function Loaded({ job, onOpen }: { job: Detail; onOpen: (id: string) => void }) {
  const { client } = useServices()
  const [isEditing, setEditing] = useState(false)
  const [message, setMessage] = useState<string | null>(null)
  const now = useNow()
  const run = (label: string, action: () => Promise<unknown>) => {
    setMessage(null)
    action().then(
      () => setMessage(`${label}: done`),
      (e: unknown) => setMessage(`${label}: ${(e as Error).message}`),
    )
  }
  const canRetry = job.status === 'failed' || job.status === 'scheduled' || job.status === 'cancelled'
  const canCancel = job.status === 'queued' || job.status === 'scheduled'
  const headers: Record<string, string> = { ...job.headers, ...(job.has_auth ? { authorization: '[redacted]' } : {}) }

  return (
    <aside className="detail" aria-label="Job detail">
      <header className="detail-header">
        <div>
          <h2 className="mono ellipsis" title={job.id}>{job.id}</h2>
          <p>
            <StatusChip status={job.status} /> <span className="mono">{job.method} {job.to_url}</span>
          </p>
          <p className="muted">
            Created {formatTime(job.created_at)} · attempt {job.attempt_count} of {job.max_attempts}
            {job.next_attempt_at && <> · next attempt <strong>{formatRelative(job.next_attempt_at, now)}</strong></>}
          </p>
          <Replays id={job.id} onOpen={onOpen} />
          {job.replay_of && (
            <p>
              Replay of{' '}
              <button type="button" className="link mono" onClick={() => onOpen(job.replay_of!)}>
                {job.replay_of}
              </button>
            </p>
          )}
        </div>
        <div className="actions" role="toolbar" aria-label="Job actions">
          <button type="button" className="button primary" onClick={() => run('Replay', () => client.replayJob({ id: job.id }).then((created) => onOpen(created.id)))}>
            Replay
          </button>
          <button type="button" className="button" onClick={() => setEditing(true)}>
            Edit &amp; replay
          </button>
          <button type="button" className="button" disabled={!canRetry} onClick={() => run('Retry now', () => client.retryJob({ id: job.id }))}>
            Retry now
          </button>
          <button type="button" className="button" disabled={!canCancel} onClick={() => run('Cancel', () => client.cancelJob({ id: job.id }))}>
            Cancel
          </button>
          <button
            type="button"
            className="button danger"
            onClick={() => {
              if (window.confirm(`Delete job ${job.id} and its attempts?`)) run('Delete', () => client.deleteJob({ id: job.id }))
            }}
          >
            Delete
          </button>
          <CopyButton text={toCurl(job)} label="Copy as cURL" />
        </div>
      </header>
      {message && <p className="notice" role="status">{message}</p>}
      {isEditing && (
        <EditReplay
          job={job}
          onDone={(newId) => {
            setEditing(false)
            if (newId) onOpen(newId)
          }}
        />
      )}
      <JsonView value={job.payload} title="Payload" />
      <section className="panel" aria-label="Request headers">
        <header className="panel-header"><h3>Request headers</h3></header>
        <HeadersTable headers={headers} />
      </section>
      <section className="panel" aria-label="Attempts timeline">
        <header className="panel-header"><h3>Attempts</h3></header>
        <AttemptsTimeline attempts={job.attempts} />
      </section>
    </aside>
  )
}

/** Links from a job to its replays (the replays link back with "Replay of"). */
function Replays({ id, onOpen }: { id: string; onOpen: (id: string) => void }) {
  const { client } = useServices()
  const [replays, setReplays] = useState<JobSummary[]>([])
  useEffect(() => {
    let isCurrent = true
    client.listJobs({ replay_of: id, limit: 20 }).then(
      (page) => {
        if (isCurrent) setReplays(page.items)
      },
      () => undefined,
    )
    return () => {
      isCurrent = false
    }
  }, [client, id])
  if (replays.length === 0) return null
  return (
    <p>
      Replayed as{' '}
      {replays.map((replay, i) => (
        <span key={replay.id}>
          {i > 0 && ', '}
          <button type="button" className="link mono" onClick={() => onOpen(replay.id)}>
            {replay.id}
          </button>
        </span>
      ))}
    </p>
  )
}
