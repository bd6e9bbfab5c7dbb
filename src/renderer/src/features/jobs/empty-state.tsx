/**
 * With no jobs yet, teach: the ready-to-paste curl command with this engine's URL and token.
 */
import { useEffect, useState } from 'react'
import { useServices } from '../../app-context'
import { CopyButton } from '../../components/copy-button'

export function EmptyState({ isFiltered }: { isFiltered: boolean }) {
  const { client } = useServices()
  const [token, setToken] = useState<string | null>(null)
  useEffect(() => {
    void client.getToken({}).then((info) => setToken(info.token), () => setToken(null))
  }, [client])
  if (isFiltered) return <div className="empty"><p>No job matches these filters.</p></div>
  const base = location.protocol.startsWith('http') ? location.origin : 'http://127.0.0.1:5000'
  const command = `curl -X POST '${base}/hook_slinger/' \\
  -H 'Authorization: Token ${token ?? '<token>'}' \\
  -H 'Content-Type: application/json' \\
  -d '{"to_url": "https://example.com/webhook", "tag": "Dhaka", "group": "Bangladesh", "payload": {"greetings": "Hello, world!"}}'`
  return (
    <div className="empty">
      <h2>No webhooks yet</h2>
      <p>Send one from your app, from the Send tab, or paste this in a terminal:</p>
      <pre className="raw">{command}</pre>
      <CopyButton text={command} label="Copy command" />
    </div>
  )
}
