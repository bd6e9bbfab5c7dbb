/**
 * "Retry all failed (N)" for the current filter: the dry-run count first, then the real run.
 */
import { useState } from 'react'
import { useStore } from 'zustand'
import { useServices } from '../../app-context'
import { formatCount } from '../../lib/format'

export function BulkRetry() {
  const { client, jobs } = useServices()
  const filter = useStore(jobs, (s) => s.filter)
  const [state, setState] = useState<{ phase: 'idle' | 'confirm' | 'running' | 'done'; count: number }>({ phase: 'idle', count: 0 })
  const failedFilter = { ...filter, status: ['failed' as const] }

  if (state.phase === 'confirm') {
    return (
      <span className="inline-confirm" role="alertdialog" aria-label="Confirm bulk retry">
        Retry {formatCount(state.count)} failed {state.count === 1 ? 'job' : 'jobs'}?
        <button
          type="button"
          className="button small primary"
          onClick={() => {
            setState({ phase: 'running', count: state.count })
            void client.bulkJobs({ action: 'retry', filter: failedFilter }).then((result) => setState({ phase: 'done', count: result.count }))
          }}
        >
          Retry all
        </button>
        <button type="button" className="button small" onClick={() => setState({ phase: 'idle', count: 0 })}>
          Cancel
        </button>
      </span>
    )
  }
  return (
    <button
      type="button"
      className="button"
      disabled={state.phase === 'running'}
      onClick={() => void client.bulkJobs({ action: 'retry', filter: failedFilter, dry_run: true }).then((r) => setState({ phase: 'confirm', count: r.count }))}
    >
      {state.phase === 'running' ? 'Retrying…' : state.phase === 'done' ? `Retried ${formatCount(state.count)}` : 'Retry all failed…'}
    </button>
  )
}
