/**
 * Bounded load for tests: `count` ingests from `concurrency` parallel senders, all to 127.0.0.1.
 * Returns the ids that got a 202; connection errors (e.g. the server was killed) are counted, not thrown.
 */
export interface LoadResult {
  accepted: string[]
  failed: number
}

export async function sendJobs(options: {
  url: string
  token: string
  toUrl: string
  count: number
  concurrency: number
  /** Stop early when this returns true (checked before each request). */
  shouldStop?: () => boolean
}): Promise<LoadResult> {
  const accepted: string[] = []
  let failed = 0
  let next = 0
  async function sender(): Promise<void> {
    while (next < options.count && !options.shouldStop?.()) {
      const n = next++
      try {
        const response = await fetch(`${options.url}/hook_slinger/`, {
          method: 'POST',
          headers: { authorization: `Token ${options.token}`, 'content-type': 'application/json' },
          body: JSON.stringify({ to_url: options.toUrl, tag: 'load', payload: { n } }),
        })
        const json = (await response.json()) as { job_id?: string }
        if (response.status === 202 && json.job_id) accepted.push(json.job_id)
        else failed++
      } catch {
        failed++
      }
    }
  }
  await Promise.all(Array.from({ length: options.concurrency }, sender))
  return { accepted, failed }
}
