/**
 * Fields a syslog-ng `format-json` template emits, e.g. `$(format-json date=datetime($ISODATE) program=$PROGRAM ...)`.
 */
export function syslogNgJsonFields(text: string): string[] | undefined {
  const at = text.indexOf('$(format-json');
  if (at < 0) return undefined;
  const lineEnd = text.indexOf('\n', at);
  const body = text.slice(at + '$(format-json'.length, lineEnd < 0 ? undefined : lineEnd);
  const fields = new Set<string>();
  for (const m of body.matchAll(/(?:^|\s)([A-Za-z_@][\w.@-]*)=/g)) fields.add(m[1] as string);
  return fields.size ? [...fields] : undefined;
}
