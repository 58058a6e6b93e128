// Sidecars whose page is gone (deleted, renamed, moved): their tags would be ignored without a word. Both
// the command line and the editor report them with these words.
import { posix } from 'node:path';

export interface GhostSidecar {
  sidecar: string;
  /** The page it belongs to by its name, which does not exist. */
  page: string;
}

/** The sidecars (posix paths) whose page (`pageFor`: by the layout) does not exist. */
export function sidecarsWithoutPage(sidecars: readonly string[], pageFor: (sidecar: string) => string | undefined, pageExists: (page: string) => boolean): GhostSidecar[] {
  const ghosts: GhostSidecar[] = [];
  for (const sidecar of sidecars) {
    const page = pageFor(sidecar);
    if (page !== undefined && !pageExists(page)) ghosts.push({ sidecar, page });
  }
  return ghosts;
}

/** What the annotator is told, at the sidecar. */
export function ghostSidecarMessage(ghost: GhostSidecar): string {
  return `its page ${posix.basename(ghost.page)} does not exist: the tags in this sidecar are not used (put the page back or rename the sidecar after its new name; delete the sidecar if the page is gone for good)`;
}
