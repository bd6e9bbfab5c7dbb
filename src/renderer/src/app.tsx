/**
 * The UI shell: navigation between Jobs, Overview, Send and Settings, the live-connection badge,
 * and the address bar kept in step with the view, filters and selected job.
 */
import { useCallback, useEffect, useState } from 'react'
import { useStore } from 'zustand'
import { useServices } from './app-context'
import { JobsView } from './features/jobs/jobs-view'
import { OverviewView } from './features/overview/overview-view'
import { SendView } from './features/send/send-view'
import { SettingsView } from './features/settings/settings-view'
import { VIEWS, writeUrlState, type View } from './lib/url-state'

const LABELS: Record<View, string> = { jobs: 'Jobs', overview: 'Overview', send: 'Send', settings: 'Settings' }

export function App({ initialView }: { initialView: View }) {
  const services = useServices()
  const [view, setView] = useState<View>(initialView)
  const connection = useStore(services.jobs, (s) => s.connection)
  const filter = useStore(services.jobs, (s) => s.filter)
  const selectedId = useStore(services.jobs, (s) => s.selectedId)

  useEffect(() => {
    history.replaceState(null, '', writeUrlState({ view, filter, jobId: selectedId }))
  }, [view, filter, selectedId])

  const open = useCallback(
    (id: string) => {
      services.jobs.getState().select(id)
      void services.detail.getState().load(id)
      setView('jobs')
    },
    [services],
  )

  return (
    <div className="app">
      <header className="topbar">
        <h1 className="brand">Hook Slinger</h1>
        <nav aria-label="Views">
          {VIEWS.map((v) => (
            <button key={v} type="button" className={`tab${v === view ? ' active' : ''}`} aria-current={v === view ? 'page' : undefined} onClick={() => setView(v)}>
              {LABELS[v]}
            </button>
          ))}
        </nav>
        <span className={`connection connection-${connection}`} role="status" aria-label={`Connection: ${connection}`}>
          {connection === 'live' ? '● live' : connection}
        </span>
      </header>
      <main className="content">
        {view === 'jobs' && <JobsView onOpen={open} />}
        {view === 'overview' && <OverviewView />}
        {view === 'send' && <SendView onSent={open} />}
        {view === 'settings' && <SettingsView />}
      </main>
    </div>
  )
}
