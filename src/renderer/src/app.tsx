/**
 * Placeholder shell of the UI; the jobs, detail, overview, send and settings views arrive with the UI issue.
 */
import { JOB_STATUSES } from '../../shared/wire/job-status'

export function App() {
  return (
    <main style={{ fontFamily: 'system-ui, sans-serif', padding: 24 }}>
      <h1>Hook Slinger</h1>
      <p>Send, retry, inspect and replay webhooks. Job statuses: {JOB_STATUSES.join(', ')}.</p>
    </main>
  )
}
