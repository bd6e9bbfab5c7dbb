/**
 * Filtered reads over `jobs` for the management API: the newest-first list with cursor pagination,
 * totals, and the batches bulk actions walk through. Text filters (`q`, `to_url`) go through the
 * trigram index (search.db, kept by the search worker) when they are at least 3 characters long, and fall back to LIKE
 * below that. Statements are prepared once per distinct filter shape and cached.
 */
import type { JobFilter } from '../../shared/contract/inputs'
import type { JobStatus } from '../../shared/wire/job-status'
import type { Db } from './database'
import type { JobRow } from './jobs-repo'

type Params = Record<string, string | number>

interface Where {
  /** Conditions on `jobs AS j`. */
  sql: string
  params: Params
  /** An FTS5 query for the text filters, or null. */
  match: string | null
  /** True when job_counts can answer the total (no filter, or statuses only). */
  isCountable: boolean
}

/** Totals beyond this are reported as "at least" instead of being counted row by row. */
export const COUNT_CAP = 10_000
const TRIGRAM = 3

/** `%`, `_` and `\` are literal in a user's search text. */
function likePattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`
}

/** A quoted FTS5 phrase: with the trigram tokenizer it matches the text as a substring, case-insensitively. */
function phrase(text: string): string {
  return `"${text.replace(/"/g, '""')}"`
}

export function buildWhere(filter: JobFilter): Where {
  const clauses: string[] = []
  const params: Params = {}
  const match: string[] = []
  if (filter.status && filter.status.length > 0) {
    const names = filter.status.map((status, i) => {
      params[`status${i}`] = status
      return `:status${i}`
    })
    clauses.push(`j.status IN (${names.join(', ')})`)
  }
  if (filter.group !== undefined) {
    clauses.push('j.grp = :grp')
    params['grp'] = filter.group
  }
  if (filter.tag !== undefined) {
    clauses.push('j.tag = :tag')
    params['tag'] = filter.tag
  }
  if (filter.to_url !== undefined && filter.to_url !== '') {
    if (filter.to_url.length >= TRIGRAM) {
      match.push(`to_url : ${phrase(filter.to_url)}`)
    } else {
      clauses.push(`j.to_url LIKE :to_url ESCAPE '\\'`)
      params['to_url'] = likePattern(filter.to_url)
    }
  }
  if (filter.q !== undefined && filter.q !== '') {
    if (filter.q.length >= TRIGRAM) {
      match.push(phrase(filter.q))
    } else {
      const columns = ['j.id', 'j.to_url', 'j.tag', 'j.grp', 'j.payload']
      clauses.push(`(${columns.map((c) => `${c} LIKE :q ESCAPE '\\'`).join(' OR ')})`)
      params['q'] = likePattern(filter.q)
    }
  }
  if (filter.created_after !== undefined) {
    clauses.push('j.created_at >= :created_after')
    params['created_after'] = filter.created_after
  }
  if (filter.replay_of !== undefined) {
    clauses.push('j.replay_of = :replay_of')
    params['replay_of'] = filter.replay_of
  }
  if (filter.created_before !== undefined) {
    clauses.push('j.created_at < :created_before')
    params['created_before'] = filter.created_before
  }
  const onlyStatus = match.length === 0 && Object.keys(params).every((key) => key.startsWith('status'))
  return {
    sql: clauses.length > 0 ? clauses.join(' AND ') : '1',
    params,
    match: match.length > 0 ? match.map((m) => `(${m})`).join(' AND ') : null,
    isCountable: onlyStatus,
  }
}

/**
 * FROM and WHERE for a filter: the trigram index (search.db, attached to the read connection as
 * `search`) drives the scan, newest first, when there is text to match. Entries of deleted jobs
 * fall out in the join.
 */
function source(where: Where, beforeSeq: number | null): { sql: string; order: string; params: Params } {
  const params: Params = { ...where.params }
  if (beforeSeq !== null) params['before_seq'] = beforeSeq
  if (where.match !== null) {
    params['match'] = where.match
    const cursor = beforeSeq === null ? '' : ' AND jobs_fts.rowid < :before_seq'
    return {
      sql: `FROM search.jobs_fts JOIN main.jobs AS j ON j.seq = jobs_fts.rowid WHERE jobs_fts MATCH :match AND ${where.sql}${cursor}`,
      order: 'ORDER BY jobs_fts.rowid DESC',
      params,
    }
  }
  const cursor = beforeSeq === null ? '' : ' AND j.seq < :before_seq'
  return { sql: `FROM jobs AS j WHERE ${where.sql}${cursor}`, order: 'ORDER BY j.seq DESC', params }
}

/** True when the filter needs the search index (so the caller may wait for it to catch up). */
export function needsSearch(filter: JobFilter): boolean {
  return buildWhere(filter).match !== null
}

export interface Total {
  total: number
  isExact: boolean
}

export type JobsQuery = ReturnType<typeof createJobsQuery>

/**
 * @param db the engine's connection
 * @param reader a read-only connection with search.db attached, for text filters
 */
export function createJobsQuery(db: Db, reader: Db) {
  const cache = new Map<string, ReturnType<Db['prepare']>>()
  const prepare = (sql: string) => {
    let statement = cache.get(sql)
    if (!statement) {
      statement = (sql.includes('search.jobs_fts') ? reader : db).prepare(sql)
      cache.set(sql, statement)
    }
    return statement
  }
  const counts = db.prepare<[], { status: JobStatus; n: number }>('SELECT status, n FROM job_counts')

  return {
    /** A page of jobs, newest first, strictly older than `beforeSeq` when given. */
    page(filter: JobFilter, limit: number, beforeSeq: number | null): JobRow[] {
      const from = source(buildWhere(filter), beforeSeq)
      return prepare(`SELECT j.* ${from.sql} ${from.order} LIMIT :limit`).all({ ...from.params, limit }) as JobRow[]
    },

    /** Matching jobs: exact from job_counts for status filters, otherwise counted up to `cap` (null: no cap). */
    count(filter: JobFilter, cap: number | null = COUNT_CAP): Total {
      const where = buildWhere(filter)
      if (where.isCountable) {
        const wanted = filter.status && filter.status.length > 0 ? new Set(filter.status) : null
        const total = counts.all().reduce((sum, row) => (wanted === null || wanted.has(row.status) ? sum + row.n : sum), 0)
        return { total, isExact: true }
      }
      const from = source(where, null)
      const limit = cap === null ? '' : ` LIMIT ${cap + 1}`
      const { n } = prepare(`SELECT COUNT(*) AS n FROM (SELECT 1 ${from.sql}${limit})`).get(from.params) as { n: number }
      return cap !== null && n > cap ? { total: cap, isExact: false } : { total: n, isExact: true }
    },

    /** Up to `limit` seqs matching the filter below `beforeSeq` (newest first): one batch of a bulk action. */
    seqBatch(filter: JobFilter, limit: number, beforeSeq: number | null): number[] {
      const from = source(buildWhere(filter), beforeSeq)
      return prepare(`SELECT j.seq ${from.sql} ${from.order} LIMIT :limit`)
        .pluck()
        .all({ ...from.params, limit }) as number[]
    },
  }
}
