/**
 * View and filters live in the address bar (`?view=jobs&status=failed&q=…&job=<id>`), so a reload or
 * a shared link shows the same thing. Query-string state works under http:// and file:// alike.
 */
import type { JobFilter } from '../../../shared/contract/inputs'
import { JOB_STATUSES, type JobStatus } from '../../../shared/wire/job-status'

export const VIEWS = ['jobs', 'overview', 'send', 'settings'] as const
export type View = (typeof VIEWS)[number]

export interface UrlState {
  view: View
  filter: JobFilter
  jobId: string | null
}

export function readUrlState(search: string): UrlState {
  const params = new URLSearchParams(search)
  const view = params.get('view')
  const status = (params.get('status') ?? '').split(',').filter((s): s is JobStatus => (JOB_STATUSES as readonly string[]).includes(s))
  const filter: JobFilter = {}
  if (status.length > 0) filter.status = status
  for (const key of ['group', 'tag', 'to_url', 'q'] as const) {
    const value = params.get(key)
    if (value) filter[key] = value
  }
  return { view: (VIEWS as readonly string[]).includes(view ?? '') ? (view as View) : 'jobs', filter, jobId: params.get('job') }
}

export function writeUrlState(state: UrlState): string {
  const params = new URLSearchParams()
  if (state.view !== 'jobs') params.set('view', state.view)
  if (state.filter.status && state.filter.status.length > 0) params.set('status', state.filter.status.join(','))
  for (const key of ['group', 'tag', 'to_url', 'q'] as const) {
    const value = state.filter[key]
    if (value) params.set(key, value)
  }
  if (state.jobId) params.set('job', state.jobId)
  const text = params.toString()
  return text ? `?${text}` : '?'
}
