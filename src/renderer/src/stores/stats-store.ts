/**
 * Overview numbers and the status counts of the filter bar: loaded once, refreshed by `stats:tick`
 * events, and re-read (at most every `refreshDelayMs`) when jobs change so counts never lag long.
 */
import { createStore } from 'zustand/vanilla'
import type { EngineClient } from '../../../shared/contract/client'
import type { EngineEvent } from '../../../shared/contract/events'
import type { Stats } from '../../../shared/contract/outputs'

export interface StatsState {
  stats: Stats | null
  load(): Promise<void>
  applyEvent(event: EngineEvent): void
}

export type StatsStore = ReturnType<typeof createStatsStore>

export function createStatsStore(client: EngineClient, refreshDelayMs = 500) {
  let refreshTimer: ReturnType<typeof setTimeout> | undefined
  return createStore<StatsState>()((set, get) => ({
    stats: null,
    async load() {
      set({ stats: await client.getStats({}) })
    },
    applyEvent(event) {
      if (event.type === 'stats:tick') {
        set({ stats: event.stats })
        return
      }
      if (refreshTimer !== undefined || !(event.type === 'job:created' || event.type === 'job:updated' || event.type === 'job:deleted' || event.type === 'resync')) return
      refreshTimer = setTimeout(() => {
        refreshTimer = undefined
        void get().load().catch(() => undefined)
      }, refreshDelayMs)
    },
  }))
}
