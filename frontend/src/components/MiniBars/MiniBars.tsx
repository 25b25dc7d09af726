// A small bar chart of one line over a few periods (SVG, no library), with a text summary.
interface Props {
  label: string;
  points: readonly { label: string; value: number | null }[];
  format: (value: number | null) => string;
}

export function MiniBars({ label, points, format }: Props) {
  const values = points.map((p) => p.value ?? 0);
  const max = Math.max(0, ...values);
  const min = Math.min(0, ...values);
  const span = max - min || 1;
  const width = 220;
  const height = 90;
  const barWidth = width / Math.max(points.length, 1);
  const zero = (max / span) * height;
  const summary = `${label}: ${points.map((p) => `${p.label} ${format(p.value)}`).join(", ")}`;
  return (
    <figure className="mini-bars">
      <figcaption>{label}</figcaption>
      <svg viewBox={`0 0 ${width} ${height + 16}`} role="img" aria-label={summary}>
        {points.map((point, index) => {
          const value = point.value ?? 0;
          const h = (Math.abs(value) / span) * height;
          const y = value >= 0 ? zero - h : zero;
          return (
            <g key={point.label}>
              <rect
                x={index * barWidth + barWidth * 0.15}
                y={y}
                width={barWidth * 0.7}
                height={Math.max(h, 1)}
                className={value < 0 ? "bar-negative" : "bar-positive"}
              />
              <text x={index * barWidth + barWidth / 2} y={height + 13} textAnchor="middle">
                {point.label}
              </text>
            </g>
          );
        })}
      </svg>
      <p className="mini-bars-last muted">{format(points[points.length - 1]?.value ?? null)}</p>
    </figure>
  );
}
