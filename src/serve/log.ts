/** One JSON line per event (request, diagnosis, store retry) on a stream; secrets redacted. */
import { redactDeep } from '../redact.js';

export type LogLine = (event: Record<string, unknown>) => void;

export function jsonLogger(stream: { write(text: string): unknown }, now: () => Date = () => new Date()): LogLine {
  return (event) => {
    stream.write(`${JSON.stringify(redactDeep({ time: now().toISOString(), ...event }))}\n`);
  };
}
