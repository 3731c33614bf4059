/** Diagnosis → text | markdown | html | json. */
import { renderHtml } from './html.js';
import { renderJson } from './json.js';
import { renderMarkdown } from './markdown.js';
import type { ReportFormat, ReportInput } from './model.js';
import { renderText, type TextOptions } from './text.js';

export { renderHtml } from './html.js';
export { renderJson } from './json.js';
export { renderMarkdown } from './markdown.js';
export { renderText, type TextOptions } from './text.js';
export { sparkline } from './sparkline.js';
export { svgLineChart } from './svg-chart.js';
export { cleanText, escapeHtml, escapeMarkdown } from './escape.js';
export { REPORT_FORMATS, type ReportFormat, type ReportInput } from './model.js';

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
