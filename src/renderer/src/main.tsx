import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { App } from './app'
import { AppContext, connectEvents, createAppServices } from './app-context'
import { chooseClient } from './client'
import { readUrlState } from './lib/url-state'
import './styles.css'

const initial = readUrlState(location.search)
const services = createAppServices(chooseClient(), initial.filter)
connectEvents(services)
void services.jobs.getState().reload()
void services.stats.getState().load()
if (initial.jobId) {
  services.jobs.getState().select(initial.jobId)
  void services.detail.getState().load(initial.jobId)
}

const root = document.getElementById('root')
if (root) {
  createRoot(root).render(
    <StrictMode>
      <AppContext.Provider value={services}>
        <App initialView={initial.view} />
      </AppContext.Provider>
    </StrictMode>,
  )
}
