import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { createSearchIndex } from '../../../../src/core/search/search-index'
import { waitFor } from '../../../helpers/wait-for'

describe('search index handle', () => {
  it('restarts a search worker that died', async () => {
    const errors: string[] = []
    const index = createSearchIndex({
      script: { path: join(__dirname, '..', '..', '..', 'fixtures', 'exiting-worker.cjs') },
      data: { mainDbPath: '/nonexistent', searchDbPath: '/nonexistent', batchSize: 1, purgeIntervalMs: 1000 },
      onError: (message) => errors.push(message),
    })
    await waitFor(() => errors.filter((e) => e.includes('restarting')).length >= 2, { timeoutMs: 5000, what: 'two restarts' })
    await index.stop()
    expect(errors[0]).toMatch(/search worker exited; restarting/)
  })

  it('answers catch-up with false after the timeout when the worker cannot answer', async () => {
    const index = createSearchIndex({
      script: { path: join(__dirname, '..', '..', '..', 'fixtures', 'exiting-worker.cjs') },
      data: { mainDbPath: '/nonexistent', searchDbPath: '/nonexistent', batchSize: 1, purgeIntervalMs: 1000 },
      onError: () => undefined,
    })
    expect(await index.catchUp(10, 50)).toBe(false)
    await index.stop()
  })
})
