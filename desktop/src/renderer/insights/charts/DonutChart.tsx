import { Legend } from './StackedBarChart.tsx';

export interface DonutSlice {
  key: string;
  label: string;
  value: number;
}

const R = 70;
const STROKE = 22;
const CIRCUMFERENCE = 2 * Math.PI * R;

/** Shares of a whole as a ring, with a headline in the middle (feedback accuracy). */
export function DonutChart(props: {
  title: string;
  slices: readonly DonutSlice[];
  center: string;
  empty?: string;
}) {
  const total = props.slices.reduce((sum, slice) => sum + slice.value, 0);
  let offset = 0;
  return (
    <figure className="chart donut">
      <figcaption>{props.title}</figcaption>
      <svg viewBox="0 0 200 200" role="img" aria-label={`${props.title}: ${props.center}`}>
        <circle className="donut-track" cx={100} cy={100} r={R} strokeWidth={STROKE} fill="none" />
        {total > 0 &&
          props.slices.map((slice) => {
            const length = (slice.value / total) * CIRCUMFERENCE;
            const circle = (
              <circle
                key={slice.key}
                className={`donut-slice series-${slice.key}`}
                cx={100}
                cy={100}
                r={R}
                fill="none"
                strokeWidth={STROKE}
                strokeDasharray={`${length} ${CIRCUMFERENCE - length}`}
                strokeDashoffset={-offset}
                transform="rotate(-90 100 100)"
              >
                <title>{`${slice.label}: ${slice.value}`}</title>
              </circle>
            );
            offset += length;
            return circle;
          })}
        <text className="donut-center" x={100} y={106} textAnchor="middle">
          {total > 0 ? props.center : '—'}
        </text>
      </svg>
      {total === 0 ? (
        <p className="muted">{props.empty ?? 'No data yet.'}</p>
      ) : (
        <Legend series={props.slices} />
      )}
    </figure>
  );
}
