/**
 * Filters of the jobs list: status chips with counts, group, tag, destination and free text.
 * Text inputs apply after a short pause in typing.
 */
import { useEffect, useRef, useState } from 'react'
import { useStore } from 'zustand'
import type { JobFilter } from '../../../../shared/contract/inputs'
import { JOB_STATUSES, type JobStatus } from '../../../../shared/wire/job-status'
import { useServices } from '../../app-context'
import { formatCount } from '../../lib/format'
import { BulkRetry } from './bulk-retry'

const TEXT_FIELDS = [
  ['q', 'Search id, URL, tag, group, payload'],
  ['group', 'Group'],
  ['tag', 'Tag'],
  ['to_url', 'Destination contains'],
] as const

export function FilterBar({ searchRef }: { searchRef: React.RefObject<HTMLInputElement | null> }) {
  const { jobs, stats } = useServices()
  const filter = useStore(jobs, (s) => s.filter)
  const counts = useStore(stats, (s) => s.stats?.counts)
  const [draft, setDraft] = useState<JobFilter>(filter)
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined)
  useEffect(() => setDraft(filter), [filter])

  const apply = (next: JobFilter, delayMs: number) => {
    setDraft(next)
    clearTimeout(timer.current)
    timer.current = setTimeout(() => void jobs.getState().setFilter(next), delayMs)
  }
  const toggleStatus = (status: JobStatus) => {
    const current = draft.status ?? []
    const next = current.includes(status) ? current.filter((s) => s !== status) : [...current, status]
    apply({ ...draft, status: next.length > 0 ? next : undefined }, 0)
  }

  return (
    <div className="filter-bar" role="search">
      <div className="status-filters" role="group" aria-label="Status">
        {JOB_STATUSES.map((status) => (
          <button
            key={status}
            type="button"
            className={`chip-toggle chip-${status}`}
            aria-pressed={draft.status?.includes(status) ?? false}
            onClick={() => toggleStatus(status)}
          >
            {status} <span className="count">{counts ? formatCount(counts[status]) : ''}</span>
          </button>
        ))}
      </div>
      <div className="text-filters">
        {TEXT_FIELDS.map(([key, label]) => (
          <input
            key={key}
            ref={key === 'q' ? searchRef : undefined}
            className={`input ${key === 'q' ? 'grow' : ''}`}
            type="search"
            placeholder={label + (key === 'q' ? '  ( / )' : '')}
            aria-label={label}
            value={draft[key] ?? ''}
            onChange={(e) => apply({ ...draft, [key]: e.target.value === '' ? undefined : e.target.value }, 300)}
          />
        ))}
        <BulkRetry />
      </div>
    </div>
  )
}
