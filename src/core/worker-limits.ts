/**
 * Heap limits for the engine's worker threads. Each thread is a V8 isolate whose young generation
 * otherwise grows to tens of MB under load; these threads keep little live data (a delivery's
 * request and 64 KiB of response; a batch of index rows), so small heaps cost no throughput and keep
 * the process's memory bounded.
 */
import type { ResourceLimits } from 'node:worker_threads'

export const WORKER_RESOURCE_LIMITS: ResourceLimits = {
  maxYoungGenerationSizeMb: 8,
  maxOldGenerationSizeMb: 96,
}
