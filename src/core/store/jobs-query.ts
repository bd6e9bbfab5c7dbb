/**
 * Filtered reads over `jobs` for the management API: the newest-first list with cursor pagination,
 * totals, and the batches bulk actions and retention walk through. Statements are prepared once
 * per distinct filter shape and cached.
 */
import type { JobFilter } from '../../shared/contract/inputs'
import type { JobStatus } from '../../shared/wire/job-status'
import type { Db } from './database'
import type { JobRow } from './jobs-repo'

type Params = Record<string, string | number>

interface Where {
  sql: string
  params: Params
  /** True when job_counts can answer the total (no filter, or statuses only). */
  isCountable: boolean
}

/** `%`, `_` and `\` are literal in a user's search text. */
function likePattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`
}

export function buildWhere(filter: JobFilter): Where {
  const clauses: string[] = []
  const params: Params = {}
  if (filter.status && filter.status.length > 0) {
    const names = filter.status.map((status, i) => {
      params[`status${i}`] = status
      return `:status${i}`
    })
    clauses.push(`status IN (${names.join(', ')})`)
  }
  if (filter.group !== undefined) {
    clauses.push('grp = :grp')
    params['grp'] = filter.group
  }
  if (filter.tag !== undefined) {
    clauses.push('tag = :tag')
    params['tag'] = filter.tag
  }
  if (filter.to_url !== undefined && filter.to_url !== '') {
    clauses.push(`to_url LIKE :to_url ESCAPE '\\'`)
    params['to_url'] = likePattern(filter.to_url)
  }
  if (filter.q !== undefined && filter.q !== '') {
    clauses.push(
      `(id LIKE :q ESCAPE '\\' OR to_url LIKE :q ESCAPE '\\' OR tag LIKE :q ESCAPE '\\' OR grp LIKE :q ESCAPE '\\' OR payload LIKE :q ESCAPE '\\')`,
    )
    params['q'] = likePattern(filter.q)
  }
  if (filter.created_after !== undefined) {
    clauses.push('created_at >= :created_after')
    params['created_after'] = filter.created_after
  }
  if (filter.created_before !== undefined) {
    clauses.push('created_at < :created_before')
    params['created_before'] = filter.created_before
  }
  const onlyStatus = Object.keys(params).every((key) => key.startsWith('status'))
  return { sql: clauses.length > 0 ? clauses.join(' AND ') : '1', params, isCountable: onlyStatus }
}

export type JobsQuery = ReturnType<typeof createJobsQuery>

export function createJobsQuery(db: Db) {
  const cache = new Map<string, ReturnType<Db['prepare']>>()
  const prepare = (sql: string) => {
    let statement = cache.get(sql)
    if (!statement) {
      statement = db.prepare(sql)
      cache.set(sql, statement)
    }
    return statement
  }
  const counts = db.prepare<[], { status: JobStatus; n: number }>('SELECT status, n FROM job_counts')

  function count(filter: JobFilter): number {
    const where = buildWhere(filter)
    if (where.isCountable) {
      const wanted = filter.status && filter.status.length > 0 ? new Set(filter.status) : null
      return counts.all().reduce((sum, row) => (wanted === null || wanted.has(row.status) ? sum + row.n : sum), 0)
    }
    return (prepare(`SELECT COUNT(*) AS n FROM jobs WHERE ${where.sql}`).get(where.params) as { n: number }).n
  }

  return {
    /** A page of jobs, newest first, strictly older than `beforeSeq` when given. */
    page(filter: JobFilter, limit: number, beforeSeq: number | null): JobRow[] {
      const where = buildWhere(filter)
      const cursor = beforeSeq === null ? '' : ' AND seq < :before_seq'
      const params = beforeSeq === null ? where.params : { ...where.params, before_seq: beforeSeq }
      return prepare(`SELECT * FROM jobs WHERE ${where.sql}${cursor} ORDER BY seq DESC LIMIT :limit`).all({ ...params, limit }) as JobRow[]
    },
    count,
    /** Up to `limit` seqs matching the filter below `beforeSeq` (newest first): one batch of a bulk action. */
    seqBatch(filter: JobFilter, limit: number, beforeSeq: number | null): number[] {
      const where = buildWhere(filter)
      const cursor = beforeSeq === null ? '' : ' AND seq < :before_seq'
      const params = beforeSeq === null ? where.params : { ...where.params, before_seq: beforeSeq }
      return prepare(`SELECT seq FROM jobs WHERE ${where.sql}${cursor} ORDER BY seq DESC LIMIT :limit`)
        .pluck()
        .all({ ...params, limit }) as number[]
    },
  }
}
