/**
 * Heap limits for the engine's worker threads. Each thread is a V8 isolate whose young generation
 * otherwise grows to tens of MB under load; these threads keep little live data (a delivery's
 * request and 64 KiB of response; a batch of index rows), so small heaps cost no throughput and keep
 * the process's memory bounded (measured: 2 MB young generations end a 20k-job run at ~205 MB RSS
instead of ~222 MB with 8 MB, same throughput).
 */
import type { ResourceLimits } from 'node:worker_threads'

export const WORKER_RESOURCE_LIMITS: ResourceLimits = {
  maxYoungGenerationSizeMb: 2,
  maxOldGenerationSizeMb: 96,
}
