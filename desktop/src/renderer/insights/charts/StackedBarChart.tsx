export interface StackSeries {
  key: string;
  label: string;
}

export interface StackedBar {
  label: string;
  values: Record<string, number>;
}

const WIDTH = 600;
const HEIGHT = 200;
const PAD = { top: 10, right: 8, bottom: 24, left: 32 };

/** Vertical bars stacked by series (alerts per day by severity); colours come from CSS classes. */
export function StackedBarChart(props: {
  title: string;
  bars: readonly StackedBar[];
  series: readonly StackSeries[];
}) {
  const { bars, series } = props;
  const totals = bars.map((bar) => series.reduce((sum, s) => sum + (bar.values[s.key] ?? 0), 0));
  const max = Math.max(1, ...totals);
  const plotWidth = WIDTH - PAD.left - PAD.right;
  const plotHeight = HEIGHT - PAD.top - PAD.bottom;
  const slot = plotWidth / Math.max(1, bars.length);
  const barWidth = Math.max(2, slot * 0.7);
  const labelEvery = Math.ceil(bars.length / 10);
  return (
    <figure className="chart">
      <figcaption>{props.title}</figcaption>
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={props.title}>
        <line
          className="axis"
          x1={PAD.left}
          x2={WIDTH - PAD.right}
          y1={HEIGHT - PAD.bottom}
          y2={HEIGHT - PAD.bottom}
        />
        <text className="axis-label" x={PAD.left - 4} y={PAD.top + 8} textAnchor="end">
          {max}
        </text>
        <text className="axis-label" x={PAD.left - 4} y={HEIGHT - PAD.bottom} textAnchor="end">
          0
        </text>
        {bars.map((bar, index) => {
          const x = PAD.left + index * slot + (slot - barWidth) / 2;
          let y = HEIGHT - PAD.bottom;
          return (
            <g key={bar.label} data-bar={bar.label}>
              {series.map((s) => {
                const value = bar.values[s.key] ?? 0;
                if (value === 0) return null;
                const height = (value / max) * plotHeight;
                y -= height;
                return (
                  <rect
                    key={s.key}
                    className={`series-${s.key}`}
                    x={x}
                    y={y}
                    width={barWidth}
                    height={height}
                  >
                    <title>{`${bar.label}: ${value} ${s.label}`}</title>
                  </rect>
                );
              })}
              {index % labelEvery === 0 && (
                <text className="axis-label" x={x + barWidth / 2} y={HEIGHT - 8} textAnchor="middle">
                  {bar.label}
                </text>
              )}
            </g>
          );
        })}
      </svg>
      <Legend series={series} />
    </figure>
  );
}

export function Legend(props: { series: readonly StackSeries[] }) {
  return (
    <ul className="legend">
      {props.series.map((s) => (
        <li key={s.key}>
          <span className={`swatch series-${s.key}`} aria-hidden="true" />
          {s.label}
        </li>
      ))}
    </ul>
  );
}
