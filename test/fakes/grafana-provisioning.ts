/**
 * Dashboards provisioned from files, as Grafana's file provider does it (docs: administration/provisioning,
 * "Dashboards"; HTTP API admin `POST /api/admin/provisioning/dashboards/reload`):
 * - files (written by consul-template from Consul KV in Calvinverse) are read on a reload;
 * - a file written since the last reload (new modification time) is saved again, which makes a new
 *   dashboard version even when its content is the same; an untouched file is skipped;
 * - a provisioned dashboard whose file is gone is deleted;
 * - such dashboards answer `meta.provisioned: true` and `meta.provisionedExternalId` (the file path) on
 *   GET, and the API refuses to save them (400 "Cannot save provisioned dashboard") or delete them.
 */

export interface ProvisionedFile {
  /** Path below the provider's folder, e.g. `Calvinverse/calvin-queue` (the Consul key's tail). */
  path: string;
  /** Folder title the provider puts it in (Calvinverse: one folder per KV sub-folder). */
  folder: string;
  dashboard: Record<string, unknown>;
}

export interface ProvisioningFiles {
  /** consul-template writes (or rewrites) these files; files not named stay as they are. */
  write(files: readonly ProvisionedFile[]): void;
  remove(path: string): void;
  /** What a reload does: files written since the last one, and provisioned paths no longer on disk. */
  takeChanges(provisioned: readonly string[]): { save: ProvisionedFile[]; gone: string[] };
}

export function provisioningFiles(): ProvisioningFiles {
  const onDisk = new Map<string, ProvisionedFile>();
  const written = new Set<string>();
  return {
    write(files) {
      for (const f of files) {
        onDisk.set(f.path, structuredClone(f));
        written.add(f.path);
      }
    },
    remove(path) {
      onDisk.delete(path);
      written.delete(path);
    },
    takeChanges(provisioned) {
      const save = [...written].map((p) => onDisk.get(p)).filter((f): f is ProvisionedFile => f !== undefined);
      written.clear();
      return { save, gone: provisioned.filter((p) => !onDisk.has(p)) };
    },
  };
}
