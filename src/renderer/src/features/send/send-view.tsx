/**
 * Send: compose a webhook and queue it through the engine's ingest validation (like the original's
 * /docs "try it out", but friendlier).
 */
import { useMemo, useState } from 'react'
import { useServices } from '../../app-context'
import { RETRY_PRESETS } from '../settings/retry-presets'

function parseObject(text: string, what: string): { value: Record<string, unknown> } | { error: string } {
  if (text.trim() === '') return { value: {} }
  try {
    const value: unknown = JSON.parse(text)
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return { error: `${what} must be a JSON object` }
    return { value: value as Record<string, unknown> }
  } catch (e) {
    return { error: `${what}: ${(e as Error).message}` }
  }
}

export function SendView({ onSent }: { onSent: (id: string) => void }) {
  const { client } = useServices()
  const [toUrl, setToUrl] = useState('http://127.0.0.1:8080/webhook')
  const [toAuth, setToAuth] = useState('')
  const [tag, setTag] = useState('')
  const [group, setGroup] = useState('')
  const [payload, setPayload] = useState('{\n  "greetings": "Hello, world!"\n}')
  const [headers, setHeaders] = useState('')
  const [retry, setRetry] = useState('default')
  const [result, setResult] = useState<string | null>(null)
  const parsedPayload = useMemo(() => parseObject(payload, 'Payload'), [payload])
  const parsedHeaders = useMemo(() => parseObject(headers, 'Headers'), [headers])
  const problem = 'error' in parsedPayload ? parsedPayload.error : 'error' in parsedHeaders ? parsedHeaders.error : null

  return (
    <form
      className="send-view"
      aria-label="Send a webhook"
      onSubmit={(event) => {
        event.preventDefault()
        if (!('value' in parsedPayload) || !('value' in parsedHeaders)) return
        const preset = RETRY_PRESETS.find((p) => p.id === retry)
        client
          .sendJob({
            to_url: toUrl,
            to_auth: toAuth || null,
            tag: tag || null,
            group: group || null,
            payload: parsedPayload.value,
            headers: parsedHeaders.value as Record<string, string>,
            retry: preset?.policy ?? null,
          })
          .then(
            (job) => {
              setResult(`Queued ${job.id}`)
              onSent(job.id)
            },
            (e: unknown) => setResult((e as Error).message),
          )
      }}
    >
      <label className="field">Destination URL (to_url)<input className="input" required value={toUrl} onChange={(e) => setToUrl(e.target.value)} /></label>
      <label className="field">Authorization sent to the destination (to_auth)<input className="input" type="password" value={toAuth} onChange={(e) => setToAuth(e.target.value)} autoComplete="off" /></label>
      <div className="row">
        <label className="field">Group<input className="input" value={group} onChange={(e) => setGroup(e.target.value)} /></label>
        <label className="field">Tag<input className="input" value={tag} onChange={(e) => setTag(e.target.value)} /></label>
        <label className="field">
          Retry policy
          <select className="input" value={retry} onChange={(e) => setRetry(e.target.value)}>
            <option value="default">Engine default</option>
            {RETRY_PRESETS.map((preset) => (
              <option key={preset.id} value={preset.id}>{preset.label}</option>
            ))}
          </select>
        </label>
      </div>
      <label className="field">Payload (JSON object)<textarea className="input code" rows={10} spellCheck={false} value={payload} onChange={(e) => setPayload(e.target.value)} /></label>
      <label className="field">Extra headers (JSON object, optional)<textarea className="input code" rows={3} spellCheck={false} placeholder='{"X-Event": "order.paid"}' value={headers} onChange={(e) => setHeaders(e.target.value)} /></label>
      {problem && <p className="error-text" role="alert">{problem}</p>}
      <div className="actions">
        <button type="submit" className="button primary" disabled={problem !== null}>Send</button>
        {result && <span role="status">{result}</span>}
      </div>
    </form>
  )
}
