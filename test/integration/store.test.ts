import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { openDatabase, type Db } from '../../src/core/store/database'
import { createGroupCommit } from '../../src/core/store/group-commit'
import { createJobsRepo, type NewJobRow } from '../../src/core/store/jobs-repo'
import { migrate, MIGRATIONS, MigrationMismatchError } from '../../src/core/store/migrations'
import { tempDataDir } from '../helpers/temp-dir'

const row = (id: string, runAt = 1000): NewJobRow => ({
  id,
  status: 'queued',
  to_url: 'http://127.0.0.1:1/x',
  method: 'POST',
  headers_json: '{}',
  to_auth: null,
  tag: null,
  grp: null,
  payload: '{}',
  retry_json: null,
  run_at: runAt,
  max_attempts: 4,
  replay_of: null,
  created_at: runAt,
})

/** A migrated database file in a fresh temp dir for each test. */
function useMigratedDb(): { readonly db: Db; readonly dir: string } {
  let temp: ReturnType<typeof tempDataDir>
  let db: Db
  beforeEach(() => {
    temp = tempDataDir()
    db = openDatabase(join(temp.dir, 'test.db'))
    migrate(db)
  })
  afterEach(() => {
    db.close()
    temp.cleanup()
  })
  return {
    get db() {
      return db
    },
    get dir() {
      return temp.dir
    },
  }
}

describe('store', () => {
  const store = useMigratedDb()

  it('opens in WAL mode with synchronous=FULL and foreign keys on', () => {
    expect(store.db.pragma('journal_mode', { simple: true })).toBe('wal')
    expect(store.db.pragma('synchronous', { simple: true })).toBe(2)
    expect(store.db.pragma('foreign_keys', { simple: true })).toBe(1)
  })

  it('applies migrations once and fails loudly when an applied one was edited', () => {
    expect(migrate(store.db)).toEqual([])
    const edited = MIGRATIONS.map((m) => (m.id === 1 ? { ...m, sql: `${m.sql}\n-- edited` } : m))
    expect(() => migrate(store.db, edited)).toThrow(MigrationMismatchError)
  })

  it('rebuilds jobs with AUTOINCREMENT (migration 5) keeping attempts, and never reuses a seq', () => {
    const old = openDatabase(join(store.dir, 'old.db'))
    migrate(old, MIGRATIONS.slice(0, 4))
    const repo4 = createJobsRepo(old)
    repo4.insertJob(row('kept'))
    const [claim] = repo4.claimDue(2000, 9000, 1)
    old.prepare(`INSERT INTO attempts (job_seq, number, started_at, duration_ms, request_json, outcome) VALUES (?, 1, 1, 1, '{}', 'retry')`).run(claim!.seq)
    expect(migrate(old)).toEqual([5])
    const repo = createJobsRepo(old)
    expect(repo.getById('kept')).toMatchObject({ seq: claim!.seq, status: 'delivering' })
    expect(repo.attemptsOf(claim!.seq)).toHaveLength(1)
    expect(old.pragma('foreign_keys', { simple: true })).toBe(1)
    repo.insertJob(row('newest'))
    const newest = repo.getById('newest')!.seq
    repo.delete(newest)
    repo.insertJob(row('after'))
    expect(repo.getById('after')!.seq).toBeGreaterThan(newest)
    expect(repo.countByStatus()).toMatchObject({ delivering: 1, queued: 1 })
    old.close()
  })

  it('claims due jobs in run_at order up to the limit, with a lease', () => {
    const repo = createJobsRepo(store.db)
    repo.insertJob(row('late', 3000))
    repo.insertJob(row('early', 1000))
    repo.insertJob(row('future', 9000))
    const claimed = repo.claimDue(5000, 65_000, 10)
    expect(claimed.map((j) => [j.id, j.attempt_count])).toEqual([['early', 1], ['late', 1]])
    expect(repo.getById('early')).toMatchObject({ status: 'delivering', lease_until: 65_000 })
    expect(repo.claimDue(5000, 65_000, 10)).toEqual([])
    expect(repo.nextDueAt()).toBe(9000)
  })

  it('fences completions by attempt number: a stale result changes nothing', () => {
    const repo = createJobsRepo(store.db)
    repo.insertJob(row('a'))
    const [claim] = repo.claimDue(2000, 3000, 1)
    // The lease expires and the job is claimed again (attempt 2) before attempt 1 answers.
    expect(repo.reapExpired(4000)).toBe(1)
    repo.claimDue(4000, 9000, 1)
    const stale = { seq: claim!.seq, attempt: 1, status: 'succeeded' as const, run_at: 4000, last_status: 200, last_error: null, now: 4500 }
    const attempt = {
      job_seq: claim!.seq, number: 1, started_at: 2000, duration_ms: 1, request_json: '{}', response_status: 200,
      response_headers_json: null, response_body: null, response_truncated: 0 as const, error_code: null, error_message: null, outcome: 'succeeded' as const,
    }
    expect(repo.complete(stale, attempt)).toBe(false)
    expect(repo.getById('a')).toMatchObject({ status: 'delivering', attempt_count: 2 })
    expect(repo.attemptsOf(claim!.seq)).toEqual([])
    expect(repo.complete({ ...stale, attempt: 2 }, { ...attempt, number: 2 })).toBe(true)
    expect(repo.getById('a')).toMatchObject({ status: 'succeeded', finished_at: 4500 })
  })

  it('hands back interrupted deliveries without counting the lost attempt', () => {
    const repo = createJobsRepo(store.db)
    repo.insertJob(row('a'))
    repo.claimDue(2000, 3000, 1)
    expect(repo.handBackAll(2500)).toBe(1)
    expect(repo.getById('a')).toMatchObject({ status: 'queued', attempt_count: 0, lease_until: null })
  })
})

describe('group commit', () => {
  const store = useMigratedDb()

  it('writes everything submitted in one turn in a single transaction, then resolves', async () => {
    const repo = createJobsRepo(store.db)
    let commits = 0
    const gc = createGroupCommit(store.db, { afterCommit: () => commits++ })
    const writes = Array.from({ length: 50 }, (_, i) => gc.submit(() => repo.insertJob(row(`j${i}`))))
    expect(repo.countByStatus().queued).toBe(0)
    await Promise.all(writes)
    expect(commits).toBe(1)
    expect(repo.countByStatus().queued).toBe(50)
  })

  it('rejects only the write that failed when the transaction survives', async () => {
    const repo = createJobsRepo(store.db)
    const gc = createGroupCommit(store.db)
    const ok = gc.submit(() => repo.insertJob(row('same')))
    const dup = gc.submit(() => repo.insertJob(row('same')))
    await expect(ok).resolves.toBeUndefined()
    await expect(dup).rejects.toThrow(/UNIQUE/)
    expect(repo.countByStatus().queued).toBe(1)
  })

  it('rejects every write of the batch when the commit fails, and stores none of them', async () => {
    const repo = createJobsRepo(store.db)
    const gc = createGroupCommit(store.db, {
      beforeCommit: () => {
        throw Object.assign(new Error('database or disk is full'), { code: 'SQLITE_FULL' })
      },
    })
    const writes = [gc.submit(() => repo.insertJob(row('x'))), gc.submit(() => repo.insertJob(row('y')))]
    await expect(Promise.all(writes)).rejects.toThrow(/disk is full/)
    expect(store.db.inTransaction).toBe(false)
    expect(repo.countByStatus().queued).toBe(0)
  })
})
