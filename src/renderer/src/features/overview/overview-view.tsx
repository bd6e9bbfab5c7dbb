/**
 * Overview: counts per status, deliveries and failures per minute over the last hour, latency,
 * queue depth, and the delivery threads with a control to change their number.
 */
import { useEffect, useState } from 'react'
import { useStore } from 'zustand'
import type { Workers } from '../../../../shared/contract/outputs'
import { JOB_STATUSES } from '../../../../shared/wire/job-status'
import { useServices } from '../../app-context'
import { StatusChip } from '../../components/status-chip'
import { formatCount, formatDuration } from '../../lib/format'
import { BarChart } from './bar-chart'

export function OverviewView() {
  const { stats: store, client } = useServices()
  const stats = useStore(store, (s) => s.stats)
  const [workers, setWorkers] = useState<Workers | null>(null)
  const [count, setCount] = useState(2)
  useEffect(() => {
    void store.getState().load()
    void client.getWorkers({}).then((w) => {
      setWorkers(w)
      setCount(w.count)
    })
    const timer = setInterval(() => void client.getWorkers({}).then(setWorkers), 2000)
    return () => clearInterval(timer)
  }, [store, client])
  if (!stats) return <div className="overview muted">Loading…</div>
  const minutes = stats.per_minute
  return (
    <div className="overview">
      <section className="cards" aria-label="Jobs by status">
        {JOB_STATUSES.map((status) => (
          <div key={status} className="card">
            <StatusChip status={status} />
            <strong>{formatCount(stats.counts[status])}</strong>
          </div>
        ))}
      </section>
      <section className="cards" aria-label="Delivery health">
        <div className="card"><span>Queue depth</span><strong>{formatCount(stats.queue_depth)}</strong></div>
        <div className="card"><span>In flight</span><strong>{formatCount(stats.in_flight)}</strong></div>
        <div className="card"><span>Oldest due</span><strong>{stats.oldest_due_age_ms === null ? '—' : formatDuration(stats.oldest_due_age_ms)}</strong></div>
        <div className="card"><span>Success rate (1 h)</span><strong>{stats.success_rate === null ? '—' : `${(stats.success_rate * 100).toFixed(1)} %`}</strong></div>
        <div className="card"><span>Latency p50</span><strong>{stats.latency_ms.p50 === null ? '—' : formatDuration(stats.latency_ms.p50)}</strong></div>
        <div className="card"><span>Latency p95</span><strong>{stats.latency_ms.p95 === null ? '—' : formatDuration(stats.latency_ms.p95)}</strong></div>
      </section>
      <BarChart title="Deliveries per minute (failures in red)" bars={minutes.map((m) => ({ label: m.minute, value: m.delivered + m.failed, alert: m.failed }))} />
      <BarChart title="Attempts per minute" bars={minutes.map((m) => ({ label: m.minute, value: m.attempts }))} />
      <section className="panel" aria-label="Workers">
        <header className="panel-header">
          <h3>Delivery threads</h3>
          <label className="inline">
            Threads
            <input className="input small" type="number" min={1} max={64} value={count} onChange={(e) => setCount(Number(e.target.value))} aria-label="Number of delivery threads" />
          </label>
          <button type="button" className="button small" onClick={() => void client.setWorkers({ count }).then(setWorkers)}>
            Apply
          </button>
        </header>
        <table className="kv">
          <tbody>
            {workers?.items.map((w) => (
              <tr key={w.id}>
                <th scope="row">Thread {w.id}</th>
                <td>{w.state}</td>
                <td>{w.in_flight} in flight</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </div>
  )
}
