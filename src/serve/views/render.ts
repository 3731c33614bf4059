/** Compiles the page templates once (an isolated Handlebars environment) and renders a page by name. */
import Handlebars from 'handlebars';
import { ALERT, API_DOCS, DIAGNOSIS, ERROR_PAGE, LAYOUT, OVERVIEW, RUNBOOK, SERVICE } from './templates.js';

const hbs = Handlebars.create();
hbs.registerPartial('layout', LAYOUT);
hbs.registerPartial('diagnosis', DIAGNOSIS);
hbs.registerHelper('join', (list: unknown) => (Array.isArray(list) ? list.map(String).join(', ') : ''));

const pages = {
  overview: hbs.compile(OVERVIEW, { strict: false }),
  alert: hbs.compile(ALERT),
  service: hbs.compile(SERVICE),
  runbook: hbs.compile(RUNBOOK),
  apiDocs: hbs.compile(API_DOCS),
  error: hbs.compile(ERROR_PAGE),
};

export type PageName = keyof typeof pages;

export function renderPage(name: PageName, data: Record<string, unknown>): string {
  return pages[name](data);
}

/** Markup calvin built itself (escaped inside), passed to a template without a second escaping. */
export function trusted(markup: string): Handlebars.SafeString {
  return new hbs.SafeString(markup);
}
