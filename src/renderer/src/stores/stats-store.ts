/**
 * Overview numbers: loaded once, then kept fresh by `stats:tick` events.
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

export function createStatsStore(client: EngineClient) {
  return createStore<StatsState>()((set) => ({
    stats: null,
    async load() {
      set({ stats: await client.getStats({}) })
    },
    applyEvent(event) {
      if (event.type === 'stats:tick') set({ stats: event.stats })
    },
  }))
}
