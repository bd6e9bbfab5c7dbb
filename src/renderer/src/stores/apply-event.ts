/**
 * The jobs list's reaction to live engine events, as a pure function (unit-tested without React).
 */
import type { EngineEvent } from '../../../shared/contract/events'
import type { JobFilter } from '../../../shared/contract/inputs'
import type { JobSummary } from '../../../shared/contract/job'

export interface JobsListState {
  jobsById: Record<string, JobSummary>
  /** Ids in display order (newest first). */
  order: string[]
  total: number
  filter: JobFilter
  /** New jobs that may match a text filter the client cannot evaluate: shown as "N new, refresh". */
  pendingNew: number
  /** Set by a `resync` event: the list must be reloaded from the API. */
  needsReload: boolean
}

/** true / false when the client can tell, null when only the server can (text filters). */
export function matchesFilter(job: JobSummary, filter: JobFilter): boolean | null {
  if (filter.status && filter.status.length > 0 && !filter.status.includes(job.status)) return false
  if (filter.group !== undefined && job.group !== filter.group) return false
  if (filter.tag !== undefined && job.tag !== filter.tag) return false
  if (filter.created_before !== undefined && Date.parse(job.created_at) >= filter.created_before) return false
  if (filter.created_after !== undefined && Date.parse(job.created_at) < filter.created_after) return false
  if ((filter.q !== undefined && filter.q !== '') || (filter.to_url !== undefined && filter.to_url !== '')) return null
  return true
}

export function applyEvent<S extends JobsListState>(state: S, event: EngineEvent): S {
  switch (event.type) {
    case 'job:created': {
      if (state.jobsById[event.job.id]) return state
      const matches = matchesFilter(event.job, state.filter)
      if (matches === false) return state
      if (matches === null) return { ...state, pendingNew: state.pendingNew + 1 }
      return {
        ...state,
        jobsById: { ...state.jobsById, [event.job.id]: event.job },
        order: [event.job.id, ...state.order],
        total: state.total + 1,
      }
    }
    case 'job:updated': {
      const current = state.jobsById[event.job.id]
      if (!current) {
        // A job retried back into a status the filter shows (e.g. failed → queued) joins the list.
        return state
      }
      return { ...state, jobsById: { ...state.jobsById, [event.job.id]: { ...current, ...event.job } } }
    }
    case 'job:deleted': {
      if (!state.jobsById[event.id]) return state
      const { [event.id]: _removed, ...rest } = state.jobsById
      return { ...state, jobsById: rest, order: state.order.filter((id) => id !== event.id), total: Math.max(0, state.total - 1) }
    }
    case 'resync':
      return { ...state, needsReload: true }
    default:
      return state
  }
}
