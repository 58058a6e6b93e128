// One answer, for the editor and the command line alike, to "where is this page's sidecar", "which page does
// this sidecar stand for" and "what does its `document:` field say". Paths are posix-style strings (VS Code
// Uri paths, or node paths with `/`); no file system access.
//
// The `document:` rule: the field is the page's file name, resolved against the folder the sidecar stands
// for: the sidecar's own folder beside the page, the mirrored page's folder in a sidecar folder. So a mirrored
// tree can be moved whole. Sidecars written by the old editor rule (a `../../corpus/a/story.txt` path from the
// mirrored sidecar to its page) are still read when that path lands on the page the layout names, inside the
// workspace; the next save writes the new rule.
import { posix } from 'node:path';
import { documentPathForSidecar, sidecarPathFor, type SidecarLayout } from './paths';

export interface DocumentRef {
  /** The page the field names. */
  path: string;
  /** Written by the old rule (a path relative to the sidecar's own folder); the next save rewrites it. */
  legacy: boolean;
}

export class SidecarLocator {
  /** The workspace folder (absolute, normalised). */
  readonly workspaceRoot: string;
  /** The mirrored sidecar folder (absolute, normalised); undefined when sidecars sit beside their pages. */
  readonly sidecarRoot: string | undefined;
  private readonly layout: SidecarLayout | undefined;

  /** `sidecarFolder`: empty for sidecars beside their pages, else a folder relative to the workspace (or absolute). */
  constructor(workspaceRoot: string, sidecarFolder = '') {
    this.workspaceRoot = posix.normalize(workspaceRoot).replace(/(.)\/+$/, '$1');
    const folder = sidecarFolder.trim().replace(/(.)\/+$/, '$1');
    const root = folder === '' ? undefined : posix.resolve(this.workspaceRoot, folder);
    // A folder that is the workspace itself mirrors nothing: its sidecars sit beside their pages.
    this.sidecarRoot = root === this.workspaceRoot ? undefined : root;
    this.layout = this.sidecarRoot ? { sidecarRoot: this.sidecarRoot, workspaceRoot: this.workspaceRoot } : undefined;
  }

  get mirrored(): boolean {
    return this.sidecarRoot !== undefined;
  }

  sidecarFor(pagePath: string): string {
    return sidecarPathFor(pagePath, this.layout);
  }

  /** The page a sidecar stands for by layout; undefined for a path that is not a sidecar. */
  pageFor(sidecarPath: string): string | undefined {
    return documentPathForSidecar(sidecarPath, this.layout);
  }

  /** What a save writes in the `document:` field: the page's file name (both layouts). */
  documentField(pagePath: string): string {
    return posix.basename(pagePath);
  }

  /**
   * The page named by a sidecar's `document:` field. Undefined when the field could lead anywhere else than
   * a file of the folder the sidecar stands for (`..`, absolute paths, drive letters, backslashes, NUL, an
   * empty name), except an old-rule path that lands exactly on the page the layout names, inside the workspace.
   */
  resolveDocument(sidecarPath: string, field: string): DocumentRef | undefined {
    if (field === '' || /[\\\0]/.test(field) || field.startsWith('/') || /^[A-Za-z]:/.test(field)) return undefined;
    const rel = posix.normalize(field);
    if (rel === '.' || rel.endsWith('/')) return undefined;
    const page = this.pageFor(sidecarPath);
    if (!field.split('/').includes('..')) {
      return { path: posix.join(posix.dirname(page ?? sidecarPath), rel), legacy: false };
    }
    const target = posix.join(posix.dirname(sidecarPath), field);
    if (page !== undefined && target === page && isInside(this.workspaceRoot, target)) return { path: target, legacy: true };
    return undefined;
  }
}

/** Whether `child` is strictly inside `parent` (both absolute posix paths). */
function isInside(parent: string, child: string): boolean {
  const rel = posix.relative(parent, child);
  return rel !== '' && rel !== '..' && !rel.startsWith('../') && !posix.isAbsolute(rel);
}
