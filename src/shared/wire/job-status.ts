/**
 * Job lifecycle vocabulary, shared by the engine, the wire and the UI.
 *
 * queued → delivering → succeeded | scheduled (retry or delay) | failed
 * queued | scheduled → cancelled
 */
export const JOB_STATUSES = [
  'queued',
  'scheduled',
  'delivering',
  'succeeded',
  'failed',
  'cancelled',
] as const

export type JobStatus = (typeof JOB_STATUSES)[number]

/** Statuses a job can still leave by itself: the engine will (re)deliver it. */
export const LIVE_JOB_STATUSES = ['queued', 'scheduled', 'delivering'] as const satisfies readonly JobStatus[]

/** Terminal statuses: history only. */
export const FINISHED_JOB_STATUSES = ['succeeded', 'failed', 'cancelled'] as const satisfies readonly JobStatus[]
