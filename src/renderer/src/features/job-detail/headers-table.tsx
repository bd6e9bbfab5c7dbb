import { CopyButton } from '../../components/copy-button'

/** Headers as a key/value table. Secret values arrive redacted from the engine and stay that way. */
export function HeadersTable({ headers }: { headers: Record<string, string> }) {
  const entries = Object.entries(headers)
  if (entries.length === 0) return <p className="muted">None.</p>
  return (
    <table className="kv">
      <tbody>
        {entries.map(([name, value]) => (
          <tr key={name}>
            <th scope="row">{name}</th>
            <td className="mono">{value === '[redacted]' ? <span className="muted" title="Stored, never shown">••••••</span> : value}</td>
            <td>{value !== '[redacted]' && <CopyButton text={value} />}</td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}
