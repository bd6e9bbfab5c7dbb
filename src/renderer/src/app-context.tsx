/**
 * What every view gets: the engine client (HTTP or IPC, the views cannot tell) and the stores
 * created from it.
 */
import { createContext, useContext } from 'react'
import type { EngineClient } from '../../shared/contract/client'
import { createDetailStore, type DetailStore } from './stores/detail-store'
import { createJobsStore, type JobsStore } from './stores/jobs-store'
import { createStatsStore, type StatsStore } from './stores/stats-store'
import type { JobFilter } from '../../shared/contract/inputs'

export interface AppServices {
  client: EngineClient
  jobs: JobsStore
  detail: DetailStore
  stats: StatsStore
}

export function createAppServices(client: EngineClient, filter: JobFilter = {}): AppServices {
  return { client, jobs: createJobsStore(client, filter), detail: createDetailStore(client), stats: createStatsStore(client) }
}

/** Subscribes every store to the client's events; returns the unsubscribe function. */
export function connectEvents(services: AppServices): () => void {
  return services.client.subscribe(
    (event) => {
      services.jobs.getState().applyEvent(event)
      services.detail.getState().applyEvent(event)
      services.stats.getState().applyEvent(event)
    },
    (state) => {
      const previous = services.jobs.getState().connection
      services.jobs.getState().setConnection(state)
      // Back from offline: events were missed, reload what is on screen.
      if (state === 'live' && previous === 'offline') void services.jobs.getState().reload()
    },
  )
}

export const AppContext = createContext<AppServices | null>(null)

export function useServices(): AppServices {
  const services = useContext(AppContext)
  if (!services) throw new Error('AppContext is missing')
  return services
}
