/**
 * A small SVG bar chart (one bar per minute). Hand-drawn on purpose: two series of 60 bars do not
 * justify a charting library in the bundle.
 */
export interface Bar {
  label: string
  value: number
  /** Part of `value` drawn in the alert colour (e.g. failures). */
  alert?: number
}

export function BarChart({ bars, title, heightPx = 120 }: { bars: Bar[]; title: string; heightPx?: number }) {
  const max = Math.max(1, ...bars.map((b) => b.value))
  const width = 600
  const barWidth = width / Math.max(60, bars.length)
  return (
    <figure className="chart">
      <figcaption>{title}</figcaption>
      <svg viewBox={`0 0 ${width} ${heightPx}`} role="img" aria-label={title} preserveAspectRatio="none">
        {bars.map((bar, i) => {
          const h = (bar.value / max) * (heightPx - 4)
          const alertHeight = ((bar.alert ?? 0) / max) * (heightPx - 4)
          const x = width - (bars.length - i) * barWidth
          return (
            <g key={bar.label}>
              <title>{`${bar.label}: ${bar.value}${bar.alert ? ` (${bar.alert} failed)` : ''}`}</title>
              <rect x={x + 1} y={heightPx - h} width={barWidth - 2} height={h} className="bar" />
              {alertHeight > 0 && <rect x={x + 1} y={heightPx - alertHeight} width={barWidth - 2} height={alertHeight} className="bar-alert" />}
            </g>
          )
        })}
      </svg>
      <div className="chart-scale muted">
        <span>−60 min</span>
        <span>max {max}/min</span>
        <span>now</span>
      </div>
    </figure>
  )
}
