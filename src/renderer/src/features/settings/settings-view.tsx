/**
 * Settings: the API token (show, copy, regenerate), retry policy (presets or custom JSON), timeout,
 * retention, threads and body limit. Saved in the engine and applied without restart.
 */
import { useEffect, useState } from 'react'
import type { Settings } from '../../../../shared/contract/inputs'
import type { TokenInfo } from '../../../../shared/contract/outputs'
import { useServices } from '../../app-context'
import { CopyButton } from '../../components/copy-button'
import { desktop } from '../../client'
import { RETRY_PRESETS } from './retry-presets'

export function SettingsView() {
  const { client } = useServices()
  const [settings, setSettings] = useState<Settings | null>(null)
  const [policyText, setPolicyText] = useState('')
  const [token, setToken] = useState<TokenInfo | null>(null)
  const [isTokenShown, setTokenShown] = useState(false)
  const [message, setMessage] = useState<string | null>(null)
  useEffect(() => {
    void client.getSettings({}).then((s) => {
      setSettings(s)
      setPolicyText(JSON.stringify(s.retry_policy, null, 2))
    })
    void client.getToken({}).then(setToken)
  }, [client])
  if (!settings) return <div className="muted">Loading…</div>

  const save = () => {
    let retryPolicy: unknown
    try {
      retryPolicy = JSON.parse(policyText)
    } catch (e) {
      setMessage(`Retry policy: ${(e as Error).message}`)
      return
    }
    client.updateSettings({ ...settings, retry_policy: retryPolicy as Settings['retry_policy'] }).then(
      (saved) => {
        setSettings(saved)
        setMessage('Saved and applied.')
      },
      (e: unknown) => setMessage((e as Error).message),
    )
  }
  const number = (value: string) => (value === '' ? 0 : Number(value))

  return (
    <div className="settings-view">
      <section className="panel" aria-label="API token">
        <header className="panel-header"><h3>API token</h3></header>
        <p className="mono">{token ? (isTokenShown ? token.token : '•'.repeat(24)) : '…'}</p>
        <div className="actions">
          <button type="button" className="button small" onClick={() => setTokenShown(!isTokenShown)}>{isTokenShown ? 'Hide' : 'Show'}</button>
          {token && <CopyButton text={token.token} />}
          <button
            type="button"
            className="button small danger"
            disabled={token?.source !== 'generated'}
            title={token?.source === 'configured' ? 'Set by API_TOKEN or --token' : undefined}
            onClick={() => {
              if (window.confirm('Regenerate the token? Every caller and open dashboard must use the new one.')) {
                client.regenerateToken({}).then(setToken, (e: unknown) => setMessage((e as Error).message))
              }
            }}
          >
            Regenerate…
          </button>
        </div>
      </section>
      {desktop() && (
        <section className="panel" aria-label="Desktop">
          <header className="panel-header"><h3>Desktop</h3></header>
          <p className="muted">Keeping the engine running with the window closed, and failure notifications, are in the tray menu.</p>
          <button type="button" className="button small" onClick={() => void desktop()?.openDataFolder()}>Open data folder</button>
        </section>
      )}
      <section className="panel" aria-label="Delivery">
        <header className="panel-header"><h3>Delivery</h3></header>
        <div className="presets" role="group" aria-label="Retry policy presets">
          {RETRY_PRESETS.map((preset) => (
            <button key={preset.id} type="button" className="button small" onClick={() => setPolicyText(JSON.stringify(preset.policy, null, 2))}>
              {preset.label}
            </button>
          ))}
        </div>
        <label className="field">Retry policy (custom JSON)<textarea className="input code" rows={6} spellCheck={false} value={policyText} onChange={(e) => setPolicyText(e.target.value)} /></label>
        <div className="row">
          <label className="field">Timeout per attempt (ms)<input className="input" type="number" value={settings.request_timeout_ms} onChange={(e) => setSettings({ ...settings, request_timeout_ms: number(e.target.value) })} /></label>
          <label className="field">Delivery threads<input className="input" type="number" min={1} max={64} value={settings.worker_count} onChange={(e) => setSettings({ ...settings, worker_count: number(e.target.value) })} /></label>
          <label className="field">Body limit (bytes)<input className="input" type="number" value={settings.body_limit_bytes} onChange={(e) => setSettings({ ...settings, body_limit_bytes: number(e.target.value) })} /></label>
        </div>
        <div className="row">
          <label className="field">Keep succeeded jobs (days, 0 = forever)<input className="input" type="number" value={settings.retention.succeeded_days} onChange={(e) => setSettings({ ...settings, retention: { ...settings.retention, succeeded_days: number(e.target.value) } })} /></label>
          <label className="field">Keep failed jobs (days, 0 = forever)<input className="input" type="number" value={settings.retention.failed_days} onChange={(e) => setSettings({ ...settings, retention: { ...settings.retention, failed_days: number(e.target.value) } })} /></label>
        </div>
        <div className="actions">
          <button type="button" className="button primary" onClick={save}>Save</button>
          {message && <span role="status">{message}</span>}
        </div>
      </section>
    </div>
  )
}
