import type { Agent } from 'node:http';

/** One recorded request, and the indices of the earlier requests whose answers it waits for. */
export interface ReplayRequest {
  method: string;
  url: string;
  body: string | null;
  after: number[];
}

export function shiftTimes(text: string, shiftMs: number): string;
export function replay(plan: ReplayRequest[], agent: Agent, shiftMs?: number): Promise<void>;
