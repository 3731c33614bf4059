/**
 * What Chronograf does with a dashboard's cells on POST and PUT (server/dashboards.go
 * ValidDashboardRequest → server/cells.go ValidDashboardCellRequest), and how it answers them
 * (newCellResponse): the note sanitised (chronograf-notes.ts), a note visibility other than
 * `default`/`showWhenNoData` refused, width and height below 1 set to 4, only axes `x`, `y`, `y2` with
 * scale `linear`/`log`/'' and base `10`/`2`/'', colors of a known type with a `#RRGGBB` hex, a legend
 * with both type (`static`) and orientation (top, bottom, right, left) or neither. Cell ids (`i`) are
 * UUIDs the server generates for cells that come without one. Error texts are Chronograf's (chronograf.go).
 */
import { randomUUID } from 'node:crypto';
import { validateNote } from './chronograf-notes.js';

type Cell = Record<string, unknown>;

const AXES = ['x', 'y', 'y2'];
const COLOR_TYPES = ['max', 'min', 'threshold', 'text', 'background', 'scale'];
const LEGEND_ORIENTATIONS = ['top', 'bottom', 'right', 'left'];

const ERR_AXIS = "Unexpected axis in cell. Valid axes are 'x', 'y', and 'y2'";
const ERR_COLOR_TYPE = "Invalid color type. Valid color types are 'min', 'max', 'threshold', 'text', and 'background'";
const ERR_COLOR = 'Invalid color. Accepted color format is #RRGGBB';
const ERR_LEGEND = 'Invalid legend. Both type and orientation must be set';
const ERR_LEGEND_TYPE = "Invalid legend type. Valid legend type is 'static'";
const ERR_LEGEND_ORIENT = "Invalid orientation type. Valid orientation types are 'top', 'bottom', 'right', 'left'";
const ERR_NOTE_VISIBILITY = 'Chronograf dashboard cell note visibility value is invalid';

const text = (v: unknown): string => (typeof v === 'string' ? v : '');
const record = (v: unknown): Record<string, unknown> =>
  v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {};

function axesError(axes: Record<string, unknown>): string | undefined {
  for (const [label, raw] of Object.entries(axes)) {
    const axis = record(raw);
    if (!AXES.includes(label)) return ERR_AXIS;
    if (!['linear', 'log', ''].includes(text(axis.scale))) return ERR_AXIS;
    if (!['10', '2', ''].includes(text(axis.base))) return ERR_AXIS;
  }
  return undefined;
}

function colorsError(colors: unknown[]): string | undefined {
  for (const raw of colors) {
    const color = record(raw);
    if (!COLOR_TYPES.includes(text(color.type))) return ERR_COLOR_TYPE;
    if (text(color.hex).length !== 7) return ERR_COLOR;
  }
  return undefined;
}

function legendError(legend: Record<string, unknown>): string | undefined {
  const type = text(legend.type);
  const orientation = text(legend.orientation);
  if (type === '' && orientation === '') return undefined;
  if (type === '' || orientation === '') return ERR_LEGEND;
  if (!LEGEND_ORIENTATIONS.includes(orientation)) return ERR_LEGEND_ORIENT;
  return type === 'static' ? undefined : ERR_LEGEND_TYPE;
}

/** A cell as Chronograf stores it, or the message of the 422 it answers. */
export function validCell(cell: Cell): { cell: Cell } | { error: string } {
  const visibility = text(cell.noteVisibility);
  if (visibility !== '' && visibility !== 'default' && visibility !== 'showWhenNoData')
    return { error: ERR_NOTE_VISIBILITY };
  const error =
    axesError(record(cell.axes)) ??
    colorsError(Array.isArray(cell.colors) ? cell.colors : []) ??
    legendError(record(cell.legend));
  if (error) return { error };
  const w = typeof cell.w === 'number' && cell.w >= 1 ? cell.w : 4;
  const h = typeof cell.h === 'number' && cell.h >= 1 ? cell.h : 4;
  return { cell: { ...validateNote(cell), w, h, i: text(cell.i) || randomUUID() } };
}

const emptyAxis = { bounds: ['', ''], label: '', prefix: '', suffix: '', base: '', scale: '' };

/** The queryConfig Chronograf derives from a query it cannot map to its builder: the raw text. */
function rawQueryConfig(query: string): Record<string, unknown> {
  return {
    database: '',
    measurement: '',
    retentionPolicy: '',
    fields: [],
    tags: {},
    groupBy: { time: '', tags: [] },
    areTagsAccepted: false,
    fill: '',
    rawText: query,
    range: null,
    shifts: null,
  };
}

/** A stored cell as the API answers it (newCellResponse): x, y, y2 axes always, links, queries with a queryConfig. */
export function cellResponse(base: string, cell: Cell): Cell {
  const axes = record(cell.axes);
  const queries = (Array.isArray(cell.queries) ? cell.queries : []).map((raw) => {
    const q = record(raw);
    return { ...q, query: text(q.query), queryConfig: rawQueryConfig(text(q.query)), source: text(q.source) };
  });
  return {
    x: 0,
    y: 0,
    name: '',
    type: '',
    legend: {},
    ...cell,
    queries,
    axes: Object.fromEntries(AXES.map((label) => [label, { ...emptyAxis, ...record(axes[label]) }])),
    colors: Array.isArray(cell.colors) ? cell.colors : [],
    links: { self: `${base}/cells/${text(cell.i)}` },
  };
}
