/**
 * The published JSON Schemas (`schemas/` at the package root, shipped with calvin) as OpenAPI
 * components: the serve API's diagnosis is the same contract as `calvin diagnose --json`.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

function schemasDir(): string {
  // src/serve in a clone, dist/src/serve in the package: walk up to the folder that holds schemas/.
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const candidate = path.join(dir, 'schemas');
    if (existsSync(path.join(candidate, 'diagnosis.schema.json'))) return candidate;
    const up = path.dirname(dir);
    if (up === dir) throw new Error('calvin: the published schemas/ folder is missing from the installation');
    dir = up;
  }
}

/** A published schema, its local `#/$defs/...` references re-rooted under `#/components/schemas/<name>`. */
export function publishedSchemaComponent(file: string, name: string): Record<string, unknown> {
  const text = readFileSync(path.join(schemasDir(), file), 'utf8').replaceAll(
    '"#/$defs/',
    `"#/components/schemas/${name}/$defs/`,
  );
  // Without its $schema and $id: inside the OpenAPI document, `#/components/...` must resolve against it.
  const { $schema: _schema, $id, ...schema } = JSON.parse(text) as Record<string, unknown>;
  return { ...schema, description: `${String(schema.description ?? '')} Published as ${String($id)}.`.trim() };
}
