/** Row-flow grid layout shared by the Grafana (24 columns) and Chronograf (12 columns) renderers. */

export interface GridPos {
  x: number;
  y: number;
  w: number;
  h: number;
}

/**
 * Places boxes left to right from `startY`; a box that does not fit the rest of the line starts a
 * new line below the tallest box of the current one. Returns the positions and the first free y.
 */
export function flowLayout(
  boxes: readonly { w: number; h: number }[],
  columns: number,
  startY: number,
): { positions: GridPos[]; nextY: number } {
  const positions: GridPos[] = [];
  let x = 0;
  let y = startY;
  let lineHeight = 0;
  for (const box of boxes) {
    const w = Math.min(columns, Math.max(1, Math.round(box.w)));
    const h = Math.max(1, Math.round(box.h));
    if (x + w > columns) {
      y += lineHeight;
      x = 0;
      lineHeight = 0;
    }
    positions.push({ x, y, w, h });
    x += w;
    lineHeight = Math.max(lineHeight, h);
  }
  return { positions, nextY: y + lineHeight };
}
