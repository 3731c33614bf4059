/**
 * One report format's renderer, loaded alone: `calvin diagnose --json` compiles neither the text
 * layout nor the SVG charts (d3), which a fresh process would otherwise pay for on every run.
 */
import { redactDeep } from '../redact.js';
import type { ReportFormat, ReportInput } from './model.js';
import type { TextOptions } from './text.js';

export type ReportRenderer = (input: ReportInput, options?: TextOptions) => string;

async function plainRenderer(format: ReportFormat): Promise<ReportRenderer> {
  switch (format) {
    case 'json': {
      const { renderJson } = await import('./json.js');
      return (input) => renderJson(input.diagnosis);
    }
    case 'markdown':
      return (await import('./markdown.js')).renderMarkdown;
    case 'html':
      return (await import('./html.js')).renderHtml;
    default:
      return (await import('./text.js')).renderText;
  }
}

/**
 * The renderer as calvin prints with it: secrets (registered tokens, `password=…` in log messages)
 * are masked in the diagnosis's strings first, so that every format stays well-formed.
 */
export async function loadRedactedRenderer(format: ReportFormat): Promise<ReportRenderer> {
  const render = await plainRenderer(format);
  return (input, options = {}) => render(redactedInput(input), options);
}

/** The diagnosis and the chart series with their strings redacted. */
export function redactedInput(input: ReportInput): ReportInput {
  return {
    ...input,
    diagnosis: redactDeep(input.diagnosis),
    ...(input.charts ? { charts: redactDeep(input.charts) } : {}),
  };
}
