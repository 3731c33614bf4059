/** Validation of calvin's machine outputs against the published schemas (schemas/*.schema.json). */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';

export const SCHEMA_DIR = path.resolve(import.meta.dirname, '../../schemas');

export type SchemaName = 'diagnosis' | 'deploy-plan' | 'lint-report' | 'test-report' | 'status';

/** One Ajv with every schema of a folder (the repository's, or an installed package's). */
export function schemaValidator(dir = SCHEMA_DIR): (name: SchemaName, value: unknown) => string[] {
  const ajv = new Ajv2020({ allErrors: true, strict: true, allowUnionTypes: true });
  (addFormats as unknown as (a: Ajv2020) => void)(ajv);
  const compiled = new Map<string, ValidateFunction>();
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.schema.json'))) {
    compiled.set(
      file.replace(/\.schema\.json$/, ''),
      ajv.compile(JSON.parse(readFileSync(path.join(dir, file), 'utf8'))),
    );
  }
  return (name, value) => {
    const validate = compiled.get(name);
    if (!validate) return [`no schema ${name} in ${dir}`];
    if (validate(value)) return [];
    return (validate.errors ?? []).map(
      (e) => `${e.instancePath || '/'} ${e.message ?? ''} ${JSON.stringify(e.params)}`,
    );
  };
}
