const WIDTH = 600;
const HEIGHT = 80;

/** A volume line without axes: the shape of the week at a glance (alerts per hour). */
export function Sparkline(props: { title: string; values: readonly number[] }) {
  const max = Math.max(1, ...props.values);
  const step = WIDTH / Math.max(1, props.values.length - 1);
  const points = props.values.map(
    (value, index) =>
      `${(index * step).toFixed(1)},${(HEIGHT - 4 - (value / max) * (HEIGHT - 8)).toFixed(1)}`,
  );
  return (
    <figure className="chart">
      <figcaption>
        {props.title} <span className="muted">(peak {max})</span>
      </figcaption>
      <svg
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        role="img"
        aria-label={`${props.title}, peak ${max}`}
        preserveAspectRatio="none"
      >
        <polyline className="sparkline" fill="none" points={points.join(' ')} />
      </svg>
    </figure>
  );
}
