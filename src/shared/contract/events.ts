/**
 * Live engine events, delivered over SSE (`GET /api/events`) and IPC (`engine:event`).
 * `seq` is monotonic per engine run; a client resumes with the last seq it saw.
 */
import type { Attempt, JobSummary } from './job'
import type { Stats } from './outputs'

export type EngineEvent =
  | { type: 'job:created'; seq: number; job: JobSummary }
  | { type: 'job:updated'; seq: number; job: JobSummary }
  | { type: 'job:deleted'; seq: number; id: string }
  | { type: 'attempt:finished'; seq: number; job_id: string; attempt: Attempt }
  | { type: 'stats:tick'; seq: number; stats: Stats }
  /** The client missed events (its seq is older than the server's buffer): reload, then follow. */
  | { type: 'resync'; seq: number }

export type EngineEventType = EngineEvent['type']
export const ENGINE_EVENT_TYPES: readonly EngineEventType[] = ['job:created', 'job:updated', 'job:deleted', 'attempt:finished', 'stats:tick', 'resync']
