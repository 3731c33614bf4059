/** Diagnosis → text | markdown | html | json. */
import { renderHtml } from './html.js';
import { renderJson } from './json.js';
import { renderMarkdown } from './markdown.js';
import { redactedInput } from './load-renderer.js';
import type { ReportFormat, ReportInput } from './model.js';
import { renderText, type TextOptions } from './text.js';

// Public names carry the area (the library API is one flat namespace).
export { renderHtml as renderDiagnosisHtml } from './html.js';
export { renderJson as renderDiagnosisJson } from './json.js';
export { renderMarkdown as renderDiagnosisMarkdown } from './markdown.js';
export { renderText as renderDiagnosisText, type TextOptions as DiagnosisTextOptions } from './text.js';
export { sparkline } from './sparkline.js';
export * from './chart/index.js';
export { clockIn as reportClock } from './chart/time-axis.js';
export { REPORT_CSS } from './page-css.js';
export { statusMark } from './model.js';
export { localRunbookLinks, runbookFileCandidates } from './runbook-links.js';
export { REPORT_FORMATS, type ReportFormat, type ReportInput } from './model.js';
export { loadRedactedRenderer, type ReportRenderer } from './load-renderer.js';

/** Renders a diagnosis in one of the report formats. */
export function renderReport(format: ReportFormat, input: ReportInput, options: TextOptions = {}): string {
  switch (format) {
    case 'json':
      return renderJson(input.diagnosis);
    case 'markdown':
      return renderMarkdown(input);
    case 'html':
      return renderHtml(input);
    default:
      return renderText(input, options);
  }
}

/**
 * The report as calvin prints it: secrets (registered tokens, `password=…` in log messages) are
 * masked in the diagnosis's strings first, so that every format stays well-formed.
 */
export function renderRedactedReport(format: ReportFormat, input: ReportInput, options: TextOptions = {}): string {
  return renderReport(format, redactedInput(input), options);
}
