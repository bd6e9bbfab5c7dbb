/**
 * Edit & replay: change the payload (validated as you type, with a diff against the original) or
 * the destination, then send it as a new job.
 */
import { diffLines } from 'diff'
import { useMemo, useState } from 'react'
import type { JobDetail } from '../../../../shared/contract/job'
import { useServices } from '../../app-context'

export function EditReplay({ job, onDone }: { job: JobDetail; onDone: (newId: string | null) => void }) {
  const { client } = useServices()
  const original = useMemo(() => JSON.stringify(job.payload, null, 2), [job.payload])
  const [text, setText] = useState(original)
  const [toUrl, setToUrl] = useState(job.to_url)
  const [error, setError] = useState<string | null>(null)
  const parsed = useMemo(() => {
    try {
      const value: unknown = JSON.parse(text)
      if (typeof value !== 'object' || value === null || Array.isArray(value)) return { error: 'The payload must be a JSON object' }
      return { value: value as Record<string, unknown> }
    } catch (e) {
      return { error: (e as Error).message }
    }
  }, [text])
  const changes = useMemo(() => diffLines(original, text).filter((part) => part.added || part.removed), [original, text])

  return (
    <section className="panel edit-replay" aria-label="Edit and replay">
      <header className="panel-header">
        <h3>Edit &amp; replay</h3>
      </header>
      <label className="field">
        Destination
        <input className="input" value={toUrl} onChange={(e) => setToUrl(e.target.value)} aria-label="Destination URL" />
      </label>
      <label className="field">
        Payload
        <textarea className="input code" rows={12} spellCheck={false} value={text} onChange={(e) => setText(e.target.value)} aria-label="Payload JSON" aria-invalid={'error' in parsed} />
      </label>
      {'error' in parsed ? <p className="error-text" role="alert">{parsed.error}</p> : null}
      {changes.length > 0 && (
        <pre className="diff" aria-label="Changes">
          {changes.map((part, i) => (
            <span key={i} className={part.added ? 'diff-added' : 'diff-removed'}>
              {part.value.split('\n').filter((line, n, all) => line !== '' || n < all.length - 1).map((line) => `${part.added ? '+' : '-'} ${line}\n`)}
            </span>
          ))}
        </pre>
      )}
      {error && <p className="error-text" role="alert">{error}</p>}
      <div className="actions">
        <button
          type="button"
          className="button primary"
          disabled={'error' in parsed}
          onClick={() => {
            if (!('value' in parsed)) return
            setError(null)
            client.replayJob({ id: job.id, payload: parsed.value, to_url: toUrl }).then(
              (created) => onDone(created.id),
              (e: unknown) => setError((e as Error).message),
            )
          }}
        >
          Send replay
        </button>
        <button type="button" className="button" onClick={() => onDone(null)}>
          Cancel
        </button>
      </div>
    </section>
  )
}
