/** The named entries of a pattern module: the ECS v1 set shares every unchanged legacy definition. */
export function pick(from: Readonly<Record<string, string>>, names: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of names) {
    const definition = from[name];
    if (definition === undefined) throw new Error(`pattern ${name} is not in the module it is taken from`);
    out[name] = definition;
  }
  return out;
}
