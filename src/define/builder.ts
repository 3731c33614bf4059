/**
 * The builder contract (Grafana Foundation SDK style): `build()` returns plain data. Builders accept
 * either a builder or the plain value, so nesting composes.
 */
import { CalvinError } from '../errors.js';

export interface Builder<T> {
  build(): T;
}

export type Buildable<T> = T | Builder<T>;

export function isBuilder<T>(value: Buildable<T>): value is Builder<T> {
  return typeof value === 'object' && value !== null && typeof (value as { build?: unknown }).build === 'function';
}

export function resolve<T>(value: Buildable<T>): T {
  return isBuilder(value) ? value.build() : value;
}

/** A value the caller cannot alias: a builder's fresh output, or a copy of plain data. */
export function fresh<T>(value: Buildable<T>): T {
  return isBuilder(value) ? value.build() : clone(value);
}

const KEBAB = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** Ids are kebab-case: lowercase letters and digits separated by single dashes. */
export function isKebabCase(id: string): boolean {
  return KEBAB.test(id);
}

export function definitionError(message: string, hint: string): CalvinError {
  return new CalvinError('BAD_DEFINITION', message, hint);
}

export function assertId(id: string, what: string): void {
  if (typeof id !== 'string' || !isKebabCase(id)) {
    throw definitionError(
      `${what} id "${String(id)}" is not kebab-case.`,
      'Use lowercase letters, digits and single dashes, e.g. artefacts-disk-full.',
    );
  }
}

export function assertNonEmpty(value: string, what: string): void {
  if (typeof value !== 'string' || value.trim() === '') {
    throw definitionError(`${what} is empty.`, `Give ${what} a value.`);
  }
}

/**
 * Deep copy of plain data (objects, arrays, primitives) so that a built value never aliases builder
 * state. Faster than structuredClone for the small trees definitions are made of.
 */
export function clone<T>(value: T): T {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((v: unknown) => clone(v)) as T;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value)) out[key] = clone((value as Record<string, unknown>)[key]);
  return out as T;
}
