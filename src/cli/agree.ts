// `newsmark agree A B [C...]`: how far annotators agree. Each argument is one annotator's folder of sidecars
// (a mirrored folder such as .newsmark/tags/alice, or a copy of the corpus with sidecars beside its pages);
// the pages compared are those every folder has a sidecar for. Numbers come from src/core/agree.

import * as fs from 'node:fs';
import * as path from 'node:path';
import { agreement, disagreementLine, type AgreementPage, type AgreementReport } from '../core/agree';
import type { Annotation } from '../core/model/types';
import { reanchor } from '../core/sidecar/anchor';
import { DEFAULT_MAX_SIDECAR_BYTES, parseSidecar } from '../core/sidecar/codec';
import { SIDECAR_SUFFIX } from '../core/sidecar/paths';
import { errnoText, FileRefused, readTextIfExists, walkCorpus } from '../node/files';
import { flag, listOption, parseCommandLine, stringOption } from './args';
import type { CliEnv } from './env';
import { quotedPath, type Reporter, terminalSafe, UsageError } from './report';
import { readPageReported } from './pages';
import { requireFolder } from './walk';

interface AnnotatorFolder {
  name: string;
  dir: string;
  /** Sidecar path by document path relative to the corpus. */
  sidecars: Map<string, string>;
}

export async function agreeCommand(argv: readonly string[], env: CliEnv): Promise<number> {
  const args = parseCommandLine(argv, { json: { type: 'boolean' }, corpus: { type: 'string' }, labels: { type: 'string' }, names: { type: 'string' } });
  if (args.positionals.length < 2) throw new UsageError('agree needs two or more annotators\' sidecar folders');
  for (const dir of args.positionals) requireFolder(dir, 'the annotator folder');
  const corpus = stringOption(args, 'corpus') ?? '.';
  requireFolder(corpus, 'the corpus');
  const names = listOption(args, 'names') ?? folderNames(args.positionals);
  if (names.length !== args.positionals.length) throw new UsageError(`--names gives ${names.length} names for ${args.positionals.length} folders`);
  if (new Set(names).size !== names.length) throw new UsageError(`annotator names must differ (got ${names.join(', ')}); name them with --names`);
  const labels = listOption(args, 'labels');
  const { reporter } = env;

  const folders: AnnotatorFolder[] = args.positionals.map((dir, i) => ({ name: names[i], dir, sidecars: sidecarsIn(dir, env.reporter) }));
  const shared = [...folders[0].sidecars.keys()].filter((rel) => folders.every((f) => f.sidecars.has(rel))).sort();
  const notShared = new Set<string>();
  for (const f of folders) for (const rel of f.sidecars.keys()) if (!shared.includes(rel)) notShared.add(rel);

  const pages: AgreementPage[] = [];
  let unusable = 0;
  shared.forEach((rel, index) => {
    reporter.progress('reading', index + 1, shared.length);
    const page = readPage(rel, corpus, folders, labels, env);
    if (page) pages.push(page);
    else unusable++;
  });
  reporter.endProgress();
  const report = agreement(names, pages);
  const out = flag(args, 'json')
    ? `${JSON.stringify({ ...report, notCompared: { notInEveryFolder: [...notShared].sort(), unreadable: unusable } }, null, 2)}\n`
    : terminalSafe(agreementText(report, notShared.size, unusable));
  env.io.stdout.write(out);
  return reporter.errors > 0 ? 1 : 0;
}

/** The last folder name of each argument; the whole path where those repeat. */
function folderNames(dirs: readonly string[]): string[] {
  const base = dirs.map((d) => path.basename(path.resolve(d)));
  return new Set(base).size === base.length ? base : dirs.map((d) => d.split(path.sep).join('/'));
}

function sidecarsIn(dir: string, reporter: Reporter): Map<string, string> {
  const found = new Map<string, string>();
  const onUnreadable = (entry: string, error: unknown) => reporter.error(entry, 1, 1, `the folder cannot be read (${errnoText(error)}); its sidecars are not compared`);
  for (const file of walkCorpus([dir], { glob: `*${SIDECAR_SUFFIX}`, onUnreadable })) found.set(file.rel.slice(0, -SIDECAR_SUFFIX.length), file.path);
  return found;
}

/** One page with every annotator's placed tags; undefined (reported) when a sidecar or the page cannot be used. */
function readPage(rel: string, corpus: string, folders: readonly AnnotatorFolder[], labels: readonly string[] | undefined, env: CliEnv): AgreementPage | undefined {
  const { reporter } = env;
  // The page itself: in the corpus, else beside the first annotator's sidecar (a copy of the corpus).
  const candidates = [path.join(corpus, rel), ...folders.map((f) => path.join(f.dir, rel))];
  const docPath = candidates.find((p) => fs.existsSync(p) && fs.statSync(p).isFile());
  if (!docPath) {
    reporter.error(folders[0].sidecars.get(rel)!, 1, 1, `the page ${rel} is neither in the corpus (${corpus}) nor beside the sidecar; not compared`);
    return undefined;
  }
  const { text } = readPageReported(docPath, reporter, 'it is not compared');
  if (text === undefined) return undefined;
  const tags: Annotation[][] = [];
  for (const f of folders) {
    const sidecarPath = f.sidecars.get(rel)!;
    let sidecarText: string | undefined;
    try {
      sidecarText = readTextIfExists(sidecarPath, { maxBytes: DEFAULT_MAX_SIDECAR_BYTES });
    } catch (error) {
      const why = error instanceof FileRefused ? `is ${error.reason}` : `cannot be read (${errnoText(error)})`;
      reporter.error(sidecarPath, 1, 1, `${f.name}'s sidecar ${why}; ${rel} is not compared`);
      return undefined;
    }
    const parsed = parseSidecar(sidecarText ?? '');
    for (const problem of parsed.problems) reporter.problem(sidecarPath, problem);
    if (!parsed.data) {
      reporter.error(sidecarPath, 1, 1, `${f.name}'s sidecar cannot be read; ${rel} is not compared`);
      return undefined;
    }
    const placed = reanchor(text, parsed.data.annotations.filter((t) => !t.orphaned));
    for (const t of placed.orphaned) {
      reporter.warning(sidecarPath, 1, 1, `tag ${t.id} (${t.label} "${t.text}") is not in the page any more; left out of the comparison`);
    }
    tags.push([...placed.placed, ...placed.moved].filter((t) => !labels || labels.includes(t.label)));
  }
  return { path: path.relative('.', docPath).split(path.sep).join('/') || docPath, text, tags };
}

function f3(x: number | null): string {
  return x === null ? '—' : x.toFixed(3);
}

function agreementText(r: AgreementReport, notShared: number, unusable: number): string {
  const lines: string[] = [`annotators: ${r.annotators.join(', ')}`];
  const left = [notShared > 0 ? `${notShared} not in every folder` : '', unusable > 0 ? `${unusable} unreadable` : ''].filter(Boolean);
  lines.push(`pages compared: ${r.pages}${left.length ? ` (left out: ${left.join(', ')})` : ''}`);
  const labels = Object.keys(r.overall.spans.perLabel);
  const width = Math.max(5, ...labels.map((l) => l.length));
  lines.push(`span F1${r.pairs.length > 1 ? ' (mean of the pairs)' : ''}:`);
  lines.push(`  ${'label'.padEnd(width)}  exact  overlap`);
  for (const l of labels) lines.push(`  ${l.padEnd(width)}  ${f3(r.overall.spans.perLabel[l].exact)}  ${f3(r.overall.spans.perLabel[l].overlap)}`);
  lines.push(`  ${'all'.padEnd(width)}  ${f3(r.overall.spans.all.exact)}  ${f3(r.overall.spans.all.overlap)}`);
  const k = r.overall.kappa;
  const perLabel = Object.entries(k.perLabel).map(([l, v]) => `${l} ${f3(v)}`).join(', ');
  lines.push(`${k.method === 'cohen' ? "Cohen's" : "Fleiss'"} kappa over ${k.tokens} tokens: ${f3(k.all)}${perLabel ? ` (${perLabel})` : ''}`);
  const values = Object.entries(r.overall.values);
  if (values.length > 0) {
    lines.push(`normalised values of spans tagged alike: ${values.map(([l, v]) => `${l} ${v.agreed} of ${v.compared} agree`).join(', ')}`);
  }
  if (r.pairs.length > 1) {
    lines.push('pairs:');
    for (const p of r.pairs) {
      lines.push(`  ${p.a} vs ${p.b}: exact F1 ${f3(p.spans.all.exact.f1)}, overlap F1 ${f3(p.spans.all.overlap.f1)}, Cohen's kappa ${f3(p.kappa.all)}`);
    }
  }
  if (r.perPage.length > 0) {
    lines.push('per page (exact F1, overlap F1, kappa):');
    for (const p of r.perPage) lines.push(`  ${quotedPath(p.path)}  ${f3(p.spans.all.exact)}  ${f3(p.spans.all.overlap)}  ${f3(p.kappa.all)}`);
  }
  lines.push(r.disagreements.length === 0 ? 'disagreements: none' : `disagreements (${r.disagreements.length}, most frequent first):`);
  for (const d of r.disagreements) lines.push(disagreementLine({ ...d, path: quotedPath(d.path) }));
  return `${lines.join('\n')}\n`;
}
