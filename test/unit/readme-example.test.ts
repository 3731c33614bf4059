import { afterEach, describe, expect, it, vi } from 'vitest';

afterEach(() => vi.restoreAllMocks());

describe('the README library example (docs/examples/library.ts)', () => {
  it('renders a dashboard and an alert and lints them clean', async () => {
    const lines: string[] = [];
    vi.spyOn(console, 'log').mockImplementation((line: unknown) => void lines.push(String(line)));
    await import('../../docs/examples/library.js');
    expect(lines).toContain('grafana    grafana/dashboards/calvin-artefacts-heap.json');
    expect(lines).toContain('kapacitor  kapacitor/tickscripts/calvin-artefacts-heap-pressure.tick');
    expect(lines.at(-1)).toBe('lint: 0 finding(s)');
  });
});
