/**
 * JSON with folding, search highlighting, a pretty/raw toggle and copy. Small and dependency-free:
 * payloads are at most the 1 MiB ingest limit, and nodes render folded past the first levels.
 */
import { useMemo, useState, type ReactNode } from 'react'
import { CopyButton } from './copy-button'

function highlight(text: string, search: string): ReactNode {
  if (!search) return text
  const at = text.toLowerCase().indexOf(search.toLowerCase())
  if (at < 0) return text
  return (
    <>
      {text.slice(0, at)}
      <mark>{text.slice(at, at + search.length)}</mark>
      {highlight(text.slice(at + search.length), search)}
    </>
  )
}

function Node({ name, value, depth, search }: { name: string | null; value: unknown; depth: number; search: string }) {
  const isContainer = typeof value === 'object' && value !== null
  const [isOpen, setOpen] = useState(depth < 3)
  const label = name === null ? null : <span className="json-key">{highlight(JSON.stringify(name), search)}: </span>
  if (!isContainer) {
    const kind = value === null ? 'null' : typeof value
    return (
      <div className="json-line">
        {label}
        <span className={`json-${kind}`}>{highlight(JSON.stringify(value), search)}</span>
      </div>
    )
  }
  const entries = Array.isArray(value) ? value.map((v, i) => [String(i), v] as const) : Object.entries(value as Record<string, unknown>)
  const [open, close] = Array.isArray(value) ? ['[', ']'] : ['{', '}']
  return (
    <div className="json-line">
      <button type="button" className="json-toggle" aria-label={isOpen ? 'Fold' : 'Unfold'} aria-expanded={isOpen} onClick={() => setOpen(!isOpen)}>
        {isOpen ? '▾' : '▸'}
      </button>
      {label}
      {open}
      {isOpen ? (
        <div className="json-children">
          {entries.map(([key, child]) => (
            <Node key={key} name={Array.isArray(value) ? null : key} value={child} depth={depth + 1} search={search} />
          ))}
        </div>
      ) : (
        <span className="muted"> {entries.length} {entries.length === 1 ? 'item' : 'items'} </span>
      )}
      {close}
    </div>
  )
}

export function JsonView({ value, title }: { value: unknown; title: string }) {
  const [isRaw, setRaw] = useState(false)
  const [search, setSearch] = useState('')
  const raw = useMemo(() => JSON.stringify(value), [value])
  return (
    <section className="panel" aria-label={title}>
      <header className="panel-header">
        <h3>{title}</h3>
        <input className="input small" placeholder="Find" aria-label={`Find in ${title}`} value={search} onChange={(e) => setSearch(e.target.value)} />
        <button type="button" className="button small" aria-pressed={isRaw} onClick={() => setRaw(!isRaw)}>
          {isRaw ? 'Pretty' : 'Raw'}
        </button>
        <CopyButton text={JSON.stringify(value, null, 2)} />
      </header>
      <div className="json-view">{isRaw ? <pre className="raw">{highlight(raw, search)}</pre> : <Node name={null} value={value} depth={0} search={search} />}</div>
    </section>
  )
}
