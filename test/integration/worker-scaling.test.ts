import { describe, expect, it } from 'vitest'
import { sendJobs } from '../helpers/load'
import { startReceiver } from '../helpers/receiver'
import { createTestEngine, TEST_TOKEN } from '../helpers/test-engine'
import { waitFor } from '../helpers/wait-for'

describe('changing the worker count under load', () => {
  it('loses and duplicates nothing', async () => {
    const receiver = await startReceiver(() => ({ status: 200, delayMs: 3 }))
    const t = await createTestEngine({ workerCount: 2, concurrencyPerWorker: 8 })
    try {
      let sent = false
      const load = sendJobs({ url: t.url, token: TEST_TOKEN, toUrl: `${receiver.url}/scale`, count: 1500, concurrency: 16 }).finally(() => {
        sent = true
      })
      // Resize repeatedly while jobs flow: grow, shrink to one (retiring busy threads), grow again.
      for (const count of [4, 1, 3, 1, 2]) {
        await waitFor(() => receiver.requests.length > 0 || sent, { what: 'traffic' })
        t.engine.setWorkerCount(count)
        expect(t.engine.workers().filter((w) => w.state === 'active')).toHaveLength(count)
        await new Promise((resolve) => setTimeout(resolve, 40))
      }
      const { accepted } = await load
      expect(accepted).toHaveLength(1500)
      await waitFor(() => (t.engine.repo().countByStatus().succeeded ?? 0) === 1500, { timeoutMs: 20_000, what: 'all deliveries' })
      const ids = receiver.requests.map((r) => r.headers['webhook-id'])
      expect(ids).toHaveLength(1500)
      expect(new Set(ids).size).toBe(1500)
      expect(new Set(ids)).toEqual(new Set(accepted))
      await waitFor(() => t.engine.workers().length === 2, { what: 'retired threads to exit' })
    } finally {
      await t.stop()
      await receiver.close()
    }
  })
})
