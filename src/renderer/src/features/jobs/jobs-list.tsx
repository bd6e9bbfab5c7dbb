/**
 * The virtualized jobs list (@tanstack/react-virtual): only visible rows are in the DOM, so it stays
 * smooth with 100,000+ jobs; the next page loads as the end comes into view.
 */
import { useVirtualizer } from '@tanstack/react-virtual'
import { useEffect, useRef } from 'react'
import { useStore } from 'zustand'
import { useServices } from '../../app-context'
import { HttpChip, StatusChip } from '../../components/status-chip'
import { useNow } from '../../components/use-now'
import { formatCount, formatRelative } from '../../lib/format'

export const ROW_HEIGHT_PX = 34

export function JobsList({ onOpen }: { onOpen: (id: string) => void }) {
  const { jobs } = useServices()
  const order = useStore(jobs, (s) => s.order)
  const jobsById = useStore(jobs, (s) => s.jobsById)
  const selectedId = useStore(jobs, (s) => s.selectedId)
  const hasMore = useStore(jobs, (s) => s.nextCursor !== null)
  const now = useNow()
  const scrollRef = useRef<HTMLDivElement>(null)
  const virtualizer = useVirtualizer({
    count: order.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT_PX,
    overscan: 12,
  })
  const items = virtualizer.getVirtualItems()
  const lastIndex = items[items.length - 1]?.index ?? 0

  useEffect(() => {
    if (hasMore && lastIndex >= order.length - 20) void jobs.getState().loadMore()
  }, [hasMore, lastIndex, order.length, jobs])

  // Keep the keyboard selection in view.
  const selectedIndex = selectedId === null ? -1 : order.indexOf(selectedId)
  useEffect(() => {
    if (selectedIndex >= 0) virtualizer.scrollToIndex(selectedIndex, { align: 'auto' })
  }, [selectedIndex, virtualizer])

  return (
    <div className="jobs-list" role="grid" aria-label="Jobs" aria-rowcount={order.length}>
      <div className="jobs-row jobs-head" role="row">
        <span role="columnheader">Status</span>
        <span role="columnheader">Job</span>
        <span role="columnheader">Group / tag</span>
        <span role="columnheader">Destination</span>
        <span role="columnheader" className="num">Attempts</span>
        <span role="columnheader">HTTP</span>
        <span role="columnheader">Created</span>
        <span role="columnheader">Next attempt</span>
      </div>
      <div ref={scrollRef} className="jobs-scroll" data-testid="jobs-scroll">
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {items.map((item) => {
            const id = order[item.index]
            const job = id === undefined ? undefined : jobsById[id]
            if (!job) return null
            return (
              <div
                key={job.id}
                role="row"
                aria-selected={job.id === selectedId}
                data-job-id={job.id}
                className={`jobs-row${job.id === selectedId ? ' selected' : ''}`}
                style={{ position: 'absolute', top: 0, left: 0, right: 0, height: ROW_HEIGHT_PX, transform: `translateY(${item.start}px)` }}
                onClick={() => onOpen(job.id)}
              >
                <span role="gridcell"><StatusChip status={job.status} /></span>
                <span role="gridcell" className="mono ellipsis" title={job.id}>{job.id}</span>
                <span role="gridcell" className="ellipsis">{[job.group, job.tag].filter(Boolean).join(' / ') || <span className="muted">—</span>}</span>
                <span role="gridcell" className="mono ellipsis" title={job.to_url}>{job.method !== 'POST' ? `${job.method} ` : ''}{job.to_url}</span>
                <span role="gridcell" className="num">{job.attempt_count}/{job.max_attempts}</span>
                <span role="gridcell"><HttpChip status={job.last_status} error={job.last_status === null ? job.last_error : null} /></span>
                <span role="gridcell" className="muted" title={job.created_at}>{formatRelative(job.created_at, now)}</span>
                <span role="gridcell" className="muted">{job.next_attempt_at ? formatRelative(job.next_attempt_at, now) : ''}</span>
              </div>
            )
          })}
        </div>
      </div>
      <ListFooter />
    </div>
  )
}

function ListFooter() {
  const { jobs } = useServices()
  const total = useStore(jobs, (s) => s.total)
  const isExact = useStore(jobs, (s) => s.isTotalExact)
  const shown = useStore(jobs, (s) => s.order.length)
  const pendingNew = useStore(jobs, (s) => s.pendingNew)
  const isLoading = useStore(jobs, (s) => s.isLoading)
  return (
    <div className="list-footer" aria-live="polite">
      <span>
        {formatCount(shown)} of {formatCount(total)}
        {isExact ? '' : '+'} jobs{isLoading ? ' · loading…' : ''}
      </span>
      {pendingNew > 0 && (
        <button type="button" className="button small" onClick={() => void jobs.getState().reload()}>
          {pendingNew} new — refresh
        </button>
      )}
    </div>
  )
}
