/** ▁▂▃▄▅▆▇█ from a series (nulls are blanks), scaled to its own min..max. Pure. */
const BARS = ['▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'];

export function sparkline(values: readonly (number | null)[], maxWidth = 40): string {
  const points = downsample(values, maxWidth);
  const finite = points.filter((v): v is number => v !== null && Number.isFinite(v));
  if (finite.length === 0) return '';
  const min = Math.min(...finite);
  const max = Math.max(...finite);
  return points
    .map((v) => {
      if (v === null || !Number.isFinite(v)) return ' ';
      if (max === min) return BARS[3];
      return BARS[Math.min(7, Math.floor(((v - min) / (max - min)) * 8))];
    })
    .join('');
}

/** Keeps at most `size` points by taking the maximum of each group (peaks matter in incidents). */
export function downsample(values: readonly (number | null)[], size: number): (number | null)[] {
  if (values.length <= size) return [...values];
  const out: (number | null)[] = [];
  for (let i = 0; i < size; i += 1) {
    const group = values
      .slice(Math.floor((i * values.length) / size), Math.floor(((i + 1) * values.length) / size))
      .filter((v): v is number => v !== null);
    out.push(group.length > 0 ? Math.max(...group) : null);
  }
  return out;
}
