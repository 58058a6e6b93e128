// Code-unit order of strings: the same on every platform and locale, unlike localeCompare (shards of the
// command line must agree across machines, and the learner's training order between the editor and the CLI).

export function codeUnitOrder(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
