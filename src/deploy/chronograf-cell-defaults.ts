/**
 * What Chronograf fills into every cell it answers (server/cells.go: CorrectWidthHeight,
 * newCellResponse; Go zero values for fields left out): both sides of a comparison get the same
 * defaults, so a cell calvin sends without them compares equal to the one Chronograf returns. Pure.
 */
const AXES = ['x', 'y', 'y2'] as const;
const EMPTY_AXIS = { bounds: ['', ''], label: '', prefix: '', suffix: '', base: '', scale: '' };

const record = (v: unknown): Record<string, unknown> =>
  v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
const size = (v: unknown): number => (typeof v === 'number' && v >= 1 ? v : 4);

export function chronografCellDefaults(cell: Record<string, unknown>): Record<string, unknown> {
  const axes = record(cell.axes);
  return {
    ...cell,
    x: typeof cell.x === 'number' ? cell.x : 0,
    y: typeof cell.y === 'number' ? cell.y : 0,
    w: size(cell.w),
    h: size(cell.h),
    name: typeof cell.name === 'string' ? cell.name : '',
    type: typeof cell.type === 'string' ? cell.type : '',
    axes: Object.fromEntries(AXES.map((label) => [label, { ...EMPTY_AXIS, ...record(axes[label]) }])),
    colors: Array.isArray(cell.colors) ? cell.colors : [],
    legend: record(cell.legend),
    queries: (Array.isArray(cell.queries) ? cell.queries : []).map((q) => {
      const query = record(q);
      return { ...query, source: typeof query.source === 'string' ? query.source : '' };
    }),
  };
}
