import { describe, expect, it } from 'vitest';
import { chronografCellDefaults } from '../../../src/deploy/chronograf-cell-defaults.js';
import { normalizeChronograf } from '../../../src/deploy/normalize.js';

describe('Chronograf cell defaults', () => {
  it('fills what Chronograf fills: x/y/y2 axes, colors, legend, w/h of at least 1, query source', () => {
    const cell = chronografCellDefaults({ w: 0, queries: [{ query: 'SELECT 1' }], axes: { y: { label: 'ms' } } });
    expect(cell).toMatchObject({ x: 0, y: 0, w: 4, h: 4, name: '', type: '', colors: [], legend: {} });
    expect(cell.axes).toEqual({
      x: { bounds: ['', ''], label: '', prefix: '', suffix: '', base: '', scale: '' },
      y: { bounds: ['', ''], label: 'ms', prefix: '', suffix: '', base: '', scale: '' },
      y2: { bounds: ['', ''], label: '', prefix: '', suffix: '', base: '', scale: '' },
    });
    expect(cell.queries).toEqual([{ query: 'SELECT 1', source: '' }]);
  });

  it('makes a sent cell and the answered one compare equal', () => {
    const sent = { name: 'd', cells: [{ x: 0, y: 0, w: 6, h: 4, name: 'CPU', queries: [{ query: 'SELECT 1' }] }] };
    const answered = {
      id: 3,
      name: 'd',
      organization: 'default',
      links: {},
      templates: [],
      cells: [
        {
          ...sent.cells[0],
          i: '0d3cb8ec-e85e-45b3-9213-528547800380',
          note: '',
          noteVisibility: 'default',
          type: '',
          colors: [],
          legend: {},
          axes: { x: {}, y: {}, y2: {} },
          queries: [{ query: 'SELECT 1', source: '', queryConfig: { rawText: 'SELECT 1' } }],
          links: { self: '/x' },
        },
      ],
    };
    expect(normalizeChronograf(answered)).toEqual(normalizeChronograf(sent));
    expect(normalizeChronograf({ ...sent, cells: [{ ...sent.cells[0], w: 5 }] })).not.toEqual(
      normalizeChronograf(sent),
    );
  });
});
