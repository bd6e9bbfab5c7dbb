/**
 * Jobs: the filter bar, the live list and the detail of the selected job side by side.
 * Keyboard: ↑/↓ move, Enter opens, r replays the selected job, / focuses the search.
 */
import { useEffect, useRef } from 'react'
import { useStore } from 'zustand'
import { useServices } from '../../app-context'
import { JobDetailPane } from '../job-detail/job-detail'
import { EmptyState } from './empty-state'
import { FilterBar } from './filter-bar'
import { JobsList } from './jobs-list'

function isTyping(target: EventTarget | null): boolean {
  const element = target as HTMLElement | null
  return element !== null && (element.tagName === 'INPUT' || element.tagName === 'TEXTAREA' || element.isContentEditable)
}

export function JobsView({ onOpen }: { onOpen: (id: string) => void }) {
  const { jobs, client } = useServices()
  const isEmpty = useStore(jobs, (s) => s.order.length === 0 && !s.isLoading)
  const filter = useStore(jobs, (s) => s.filter)
  const searchRef = useRef<HTMLInputElement>(null)

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key === '/' && !isTyping(event.target)) {
        event.preventDefault()
        searchRef.current?.focus()
        return
      }
      if (isTyping(event.target) || event.metaKey || event.ctrlKey || event.altKey) return
      const { order, selectedId } = jobs.getState()
      const index = selectedId === null ? -1 : order.indexOf(selectedId)
      if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
        event.preventDefault()
        const next = order[Math.max(0, Math.min(order.length - 1, index + (event.key === 'ArrowDown' ? 1 : -1)))]
        if (next !== undefined) jobs.getState().select(next)
      } else if (event.key === 'Enter' && selectedId !== null) {
        onOpen(selectedId)
      } else if (event.key === 'r' && selectedId !== null) {
        void client.replayJob({ id: selectedId }).then((created) => onOpen(created.id))
      }
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [jobs, client, onOpen])

  const isFiltered = Object.values(filter).some((value) => value !== undefined && !(Array.isArray(value) && value.length === 0))
  return (
    <div className="jobs-view">
      <FilterBar searchRef={searchRef} />
      <div className="split">
        {isEmpty ? <EmptyState isFiltered={isFiltered} /> : <JobsList onOpen={onOpen} />}
        <JobDetailPane onOpen={onOpen} />
      </div>
    </div>
  )
}
