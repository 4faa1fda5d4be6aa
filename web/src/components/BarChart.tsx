/** Documents over time as a small SVG bar chart: one bar per month, no chart library. */
export function BarChart({ data, label }: { data: { month: string; documents: number }[]; label: string }) {
  if (!data.length) return <p className="muted empty">No dated documents yet.</p>;
  // Fill the months with no documents so the axis is time, not a list.
  const months: { month: string; documents: number }[] = [];
  const byMonth = new Map(data.map((d) => [d.month, d.documents]));
  let [y, m] = data[0]!.month.split('-').map(Number) as [number, number];
  const last = data[data.length - 1]!.month;
  for (let guard = 0; guard < 600; guard++) {
    const key = `${y}-${String(m).padStart(2, '0')}`;
    months.push({ month: key, documents: byMonth.get(key) ?? 0 });
    if (key >= last) break;
    m = m === 12 ? 1 : m + 1;
    if (m === 1) y++;
  }
  const width = 640;
  const height = 140;
  const max = Math.max(...months.map((d) => d.documents));
  const bw = width / months.length;
  return (
    <svg className="barchart" viewBox={`0 0 ${width} ${height + 20}`} role="img" aria-label={label}>
      {months.map((d, i) => {
        const h = max ? (d.documents / max) * height : 0;
        return (
          <rect key={d.month} x={i * bw + bw * 0.1} y={height - h} width={Math.max(1, bw * 0.8)} height={h} className="bar">
            <title>{`${d.month}: ${d.documents} document${d.documents === 1 ? '' : 's'}`}</title>
          </rect>
        );
      })}
      <line x1={0} x2={width} y1={height} y2={height} className="axis" />
      <text x={0} y={height + 15} className="tick">{months[0]!.month}</text>
      <text x={width} y={height + 15} className="tick" textAnchor="end">{months[months.length - 1]!.month}</text>
    </svg>
  );
}
