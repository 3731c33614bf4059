/** Runbook markdown → HTML with markdown-it, raw HTML disabled (a runbook's <script> shows as text). */
import MarkdownIt from 'markdown-it';

const md = new MarkdownIt({ html: false, linkify: true, typographer: false });

export function renderRunbookMarkdown(markdown: string): string {
  return md.render(markdown);
}
