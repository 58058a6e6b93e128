// Where a document's sidecar lives, as posix-style path strings (VS Code Uri paths). No file system access.
// A sidecar sits beside its document (`story.txt` -> `story.txt.ann.yaml`) or, with a sidecar root, in a
// mirror of the workspace tree under that root.
import { posix } from 'node:path';

export const SIDECAR_SUFFIX = '.ann.yaml';

export interface SidecarLayout {
  /** Folder holding mirrored sidecars; relative paths are taken from workspaceRoot. */
  sidecarRoot?: string;
  /** The folder whose tree is mirrored under sidecarRoot. */
  workspaceRoot?: string;
}

export function isSidecarPath(p: string): boolean {
  return p.endsWith(SIDECAR_SUFFIX) && posix.basename(p).length > SIDECAR_SUFFIX.length;
}

/** `sidecarRoot` as an absolute-or-as-given path, and the workspace root; undefined when not mirroring. */
function mirror(opts: SidecarLayout | undefined): { root: string; workspace: string } | undefined {
  if (!opts?.sidecarRoot || !opts.workspaceRoot) return undefined;
  const workspace = posix.normalize(opts.workspaceRoot);
  return { root: posix.resolve(workspace, opts.sidecarRoot), workspace };
}

/** `child` relative to `parent`, or undefined when it is not inside it. */
function inside(parent: string, child: string): string | undefined {
  const rel = posix.relative(parent, child);
  if (rel === '' || rel === '..' || rel.startsWith('../') || posix.isAbsolute(rel)) return undefined;
  return rel;
}

/**
 * The sidecar path for a document: beside it, or mirrored under `sidecarRoot` when both roots are given and
 * the document is inside the workspace root (otherwise beside it).
 */
export function sidecarPathFor(docPath: string, opts?: SidecarLayout): string {
  const m = mirror(opts);
  const rel = m ? inside(m.workspace, posix.resolve(m.workspace, docPath)) : undefined;
  if (m && rel !== undefined) return posix.join(m.root, rel) + SIDECAR_SUFFIX;
  return docPath + SIDECAR_SUFFIX;
}

/** The document a sidecar path belongs to by layout (the inverse of sidecarPathFor); undefined for non-sidecars. */
export function documentPathForSidecar(sidecarPath: string, opts?: SidecarLayout): string | undefined {
  if (!isSidecarPath(sidecarPath)) return undefined;
  const stripped = sidecarPath.slice(0, -SIDECAR_SUFFIX.length);
  const m = mirror(opts);
  const rel = m ? inside(m.root, posix.resolve(m.workspace, stripped)) : undefined;
  if (m && rel !== undefined) return posix.join(m.workspace, rel);
  return stripped;
}
