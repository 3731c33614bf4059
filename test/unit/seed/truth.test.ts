import { describe, expect, it } from 'vitest';
import type { Incident } from '../../../scripts/seed/incidents.js';
import { figures, judge } from '../../../scripts/seed/truth.js';
import type { Diagnosis } from '../../../src/diagnose/types.js';

const incident = (kind: Incident['kind'], truth: Incident['truth']): Incident => ({
  id: 'x#0',
  kind,
  service: 'web',
  mapping: 'keyword',
  hosts: [],
  truth,
});
const diagnosis = (status: Diagnosis['status'], suspects: Diagnosis['suspects']) => ({ status, suspects }) as Diagnosis;

describe('judging a diagnosis against the planted truth', () => {
  it('wants the planted node first, not a version', () => {
    const truth = { healthy: false, nodes: ['b'] };
    expect(judge(incident('disk', truth), diagnosis('critical', [{ node: 'b', reason: '', score: 9 }]))).toMatchObject({
      statusRight: true,
      suspectRight: true,
    });
    expect(judge(incident('disk', truth), diagnosis('healthy', [{ node: 'a', reason: '', score: 9 }]))).toMatchObject({
      statusRight: false,
      suspectRight: false,
    });
    const versioned = diagnosis('degraded', [{ node: 'b', reason: '', score: 9, version: '2.0.0' }]);
    expect(judge(incident('rollout-half-unrelated', truth), versioned).suspectRight).toBe(false);
  });

  it('accepts a common cause named with or without its port, and a bad version', () => {
    const common = incident('common', { healthy: false, nodes: [], dependency: 'db.example.internal' });
    const named = (node: string) => judge(common, diagnosis('critical', [{ node, reason: '', score: 9 }]));
    expect(named('(dependency) db.example.internal:5432').suspectRight).toBe(true);
    expect(named('(dependency) db.example.internal').suspectRight).toBe(true);
    expect(named('(dependency) db.example.internal.evil').suspectRight).toBe(false);
    const rollout = incident('rollout-half-bad', { healthy: false, nodes: [], version: '2.0.3' });
    const first = { node: 'n', reason: '', score: 10, version: '2.0.3' };
    expect(judge(rollout, diagnosis('degraded', [first])).suspectRight).toBe(true);
    expect(judge(rollout, diagnosis('degraded', [{ ...first, version: '1.2.0' }])).suspectRight).toBe(false);
  });

  it('counts a healthy control with a suspect as a false alarm', () => {
    const control = incident('healthy', { healthy: true, nodes: [] });
    const verdicts = [
      judge(control, diagnosis('healthy', [])),
      judge(control, diagnosis('degraded', [{ node: 'a', reason: '', score: 3 }])),
      judge(
        incident('cpu', { healthy: false, nodes: ['a'] }),
        diagnosis('critical', [{ node: 'a', reason: '', score: 9 }]),
      ),
    ];
    expect(figures(verdicts)).toEqual({
      runs: 3,
      incidents: 1,
      controls: 2,
      precision: 1,
      statusAccuracy: 2 / 3,
      falseAlarmRate: 0.5,
    });
  });
});
