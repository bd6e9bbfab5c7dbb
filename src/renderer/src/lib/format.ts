/** Display formatting shared by the views. Pure. */

export function formatDuration(ms: number): string {
  if (ms < 1) return `${ms.toFixed(2)} ms`
  if (ms < 1000) return `${Math.round(ms)} ms`
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)} s`
  if (ms < 3_600_000) return `${Math.floor(ms / 60_000)} m ${Math.round((ms % 60_000) / 1000)} s`
  return `${Math.floor(ms / 3_600_000)} h ${Math.round((ms % 3_600_000) / 60_000)} m`
}

/** "3 s ago", "in 5 s": relative to `nowMs`. */
export function formatRelative(iso: string, nowMs: number): string {
  const delta = Date.parse(iso) - nowMs
  const text = formatDuration(Math.abs(delta)).replace(/\.\d s$/, ' s')
  if (Math.abs(delta) < 1000) return 'now'
  return delta < 0 ? `${text} ago` : `in ${text}`
}

export function formatTime(iso: string): string {
  const date = new Date(iso)
  return date.toLocaleString(undefined, { hour12: false, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' })
}

export function formatCount(n: number): string {
  return n.toLocaleString('en-US')
}

export function prettyJson(text: string): { pretty: string; isJson: boolean } {
  try {
    return { pretty: JSON.stringify(JSON.parse(text), null, 2), isJson: true }
  } catch {
    return { pretty: text, isJson: false }
  }
}
