export interface BarItem {
  label: string;
  value: number;
  /** A CSS class for the bar's colour. */
  tone?: string;
}

const WIDTH = 600;
const ROW = 26;
const LABEL_WIDTH = 220;

/** Ranked horizontal bars with their label and value (top alerts, root-cause categories). */
export function HorizontalBarChart(props: {
  title: string;
  items: readonly BarItem[];
  unit?: string;
  empty?: string;
}) {
  const { items } = props;
  const max = Math.max(1, ...items.map((item) => item.value));
  const height = Math.max(ROW, items.length * ROW);
  return (
    <figure className="chart">
      <figcaption>{props.title}</figcaption>
      {items.length === 0 ? (
        <p className="muted">{props.empty ?? 'Nothing in this window.'}</p>
      ) : (
        <svg viewBox={`0 0 ${WIDTH} ${height}`} role="img" aria-label={props.title}>
          {items.map((item, index) => {
            const barWidth = ((WIDTH - LABEL_WIDTH - 60) * item.value) / max;
            const y = index * ROW;
            return (
              <g key={item.label} data-item={item.label}>
                <text className="bar-label" x={LABEL_WIDTH - 8} y={y + ROW / 2 + 4} textAnchor="end">
                  {item.label.length > 32 ? `${item.label.slice(0, 31)}…` : item.label}
                </text>
                <rect
                  className={`bar ${item.tone ?? ''}`}
                  x={LABEL_WIDTH}
                  y={y + 4}
                  width={Math.max(1, barWidth)}
                  height={ROW - 8}
                >
                  <title>{`${item.label}: ${item.value}${props.unit ?? ''}`}</title>
                </rect>
                <text className="bar-value" x={LABEL_WIDTH + barWidth + 6} y={y + ROW / 2 + 4}>
                  {item.value}
                  {props.unit ?? ''}
                </text>
              </g>
            );
          })}
        </svg>
      )}
    </figure>
  );
}
