// Hover review: every tag and suggestion under the pointer, with what it is, why, and links to act on it.
// Links run only Newsmark's own commands; text from pages and sidecars is escaped, never rendered as HTML.
import * as vscode from 'vscode';
import type { Annotation, LineDecision, Suggestion } from '../core/model/types';
import { suggesterOfSource } from '../core/suggesters/config';
import type { EditorContext } from './context';
import { toRange } from './convert';
import { Cmd, LINK_COMMANDS } from './ids';

/** A command link with JSON arguments, as MarkdownString command URIs expect. */
export function commandLink(title: string, command: string, args: unknown): string {
  return `[${title}](command:${command}?${encodeURIComponent(JSON.stringify([args]))})`;
}

function esc(text: string): string {
  // Escape Markdown and HTML: page text must read as text.
  return text.replace(/[\\`*_{}[\]()#+\-.!|<>~&]/g, (c) => `\\${c}`).replace(/\r?\n/g, ' ↵ ');
}

function clip(text: string, max = 120): string {
  return text.length > max ? `${text.slice(0, max)}…` : text;
}

function valueText(value: string | string[] | undefined): string | undefined {
  if (value === undefined) return undefined;
  return Array.isArray(value) ? value.join(', ') : value;
}

export function tagMarkdown(ctx: EditorContext, uri: vscode.Uri, tag: Annotation): vscode.MarkdownString {
  const label = ctx.settings().labels.find((l) => l.id === tag.label)?.name ?? tag.label;
  const md = new vscode.MarkdownString(undefined, true);
  md.isTrusted = { enabledCommands: [...LINK_COMMANDS] };
  md.appendMarkdown(`**${esc(label)}** · ${esc(clip(tag.text))}\n\n`);
  const value = valueText(tag.value);
  if (value) md.appendMarkdown(`${vscode.l10n.t('Value')}: ${esc(value)}\n\n`);
  const who = [tag.by, tag.at].filter(Boolean).join(', ');
  md.appendMarkdown(`${vscode.l10n.t('Source')}: ${esc(tag.source)}${who ? ` · ${esc(who)}` : ''}\n\n`);
  if (tag.review) {
    const verdict = tag.review.verdict === 'approved' ? vscode.l10n.t('Approved') : vscode.l10n.t('Rejected');
    const reviewWho = [tag.review.by, tag.review.at].filter(Boolean).join(', ');
    md.appendMarkdown(`${tag.review.verdict === 'approved' ? '$(pass)' : '$(error)'} **${verdict}**${reviewWho ? ` · ${esc(reviewWho)}` : ''}\n\n`);
  } else md.appendMarkdown(`*${vscode.l10n.t('Not reviewed')}*\n\n`);
  const args = { uri: uri.toString(), id: tag.id };
  const review = [
    tag.review?.verdict !== 'approved' ? commandLink(vscode.l10n.t('Approve'), Cmd.approveTag, args) : undefined,
    tag.review?.verdict !== 'rejected' ? commandLink(vscode.l10n.t('Reject'), Cmd.rejectTag, args) : undefined,
    tag.review ? commandLink(vscode.l10n.t('Clear verdict'), Cmd.clearReview, args) : undefined,
  ].filter(Boolean);
  md.appendMarkdown(`${review.join(' · ')} · ${commandLink(vscode.l10n.t('Remove'), Cmd.removeTag, args)} · ${commandLink(vscode.l10n.t('Change label'), Cmd.changeLabel, args)}`);
  return md;
}

export function suggestionMarkdown(ctx: EditorContext, uri: vscode.Uri, s: Suggestion): vscode.MarkdownString {
  const label = ctx.settings().labels.find((l) => l.id === s.label)?.name ?? s.label;
  const md = new vscode.MarkdownString(undefined, true);
  md.isTrusted = { enabledCommands: [...LINK_COMMANDS] };
  md.appendMarkdown(`${vscode.l10n.t('Suggested')} **${esc(label)}** · ${esc(clip(s.text))}\n\n`);
  const value = valueText(s.value);
  if (value) md.appendMarkdown(`${vscode.l10n.t('Value')}: ${esc(value)}\n\n`);
  if (s.reasons.length) md.appendMarkdown(`${vscode.l10n.t('Why')}: ${s.reasons.map((r) => esc(r)).join('; ')}\n\n`);
  md.appendMarkdown(`${scoreText(ctx, s)}\n\n`);
  const suggester = suggesterOfSource(s.source);
  if (suggester !== undefined) md.appendMarkdown(`${vscode.l10n.t('Source')}: ${esc(suggester)}\n\n`);
  const args = { uri: uri.toString(), start: s.start, end: s.end, label: s.label };
  md.appendMarkdown(
    `${commandLink(vscode.l10n.t('Accept'), Cmd.acceptSuggestion, args)} · ${commandLink(vscode.l10n.t('Dismiss'), Cmd.dismissSuggestion, args)} · ${commandLink(vscode.l10n.t('Tag everywhere'), Cmd.acceptEverywhere, { label: s.label, text: s.text, value: typeof s.value === 'string' ? s.value : undefined })}`,
  );
  return md;
}

/** "Score 80%", calibrated on the annotator's decisions when there are some for its source and score. */
function scoreText(ctx: EditorContext, s: Suggestion): string {
  const raw = Math.round(s.score * 100);
  const { score, decisions } = ctx.analysis.calibrated(s);
  if (decisions === 0) return vscode.l10n.t('Score: {0}% (not calibrated yet)', raw);
  return vscode.l10n.t('Score: {0}% (calibrated on {1} of your decisions; detector said {2}%)', Math.round(score * 100), decisions, raw);
}

export function registerHover(ctx: EditorContext, selector: vscode.DocumentSelector): void {
  ctx.extension.subscriptions.push(
    vscode.languages.registerHoverProvider(selector, {
      async provideHover(doc, position) {
        const state = ctx.store.get(doc.uri);
        const offset = doc.offsetAt(position);
        const parts: vscode.MarkdownString[] = [];
        let range: vscode.Range | undefined;
        const widen = (r: vscode.Range) => (range = range ? range.union(r) : r);
        for (const tag of state?.data.annotations ?? []) {
          if (tag.orphaned || offset < tag.start || offset > tag.end) continue;
          parts.push(tagMarkdown(ctx, doc.uri, tag));
          widen(toRange(doc, tag));
        }
        const view = await ctx.analysis.view(doc);
        for (const s of view?.suggestions ?? []) {
          if (offset < s.start || offset > s.end) continue;
          parts.push(suggestionMarkdown(ctx, doc.uri, s));
          widen(toRange(doc, s));
        }
        const line = view?.lines.find((l) => l.line === position.line);
        if (line && parts.length === 0) parts.push(lineMarkdown(line));
        return parts.length ? new vscode.Hover(parts, range) : undefined;
      },
    }),
  );
}

/** Why a line reads as body or boilerplate (no actions: the quick fixes and commands act on lines). */
function lineMarkdown(line: LineDecision): vscode.MarkdownString {
  const md = new vscode.MarkdownString(undefined, true);
  const what = line.label === 'body' ? vscode.l10n.t('Suggested article body') : vscode.l10n.t('Page boilerplate');
  md.appendMarkdown(`*${what}* (${vscode.l10n.t('{0}% body', Math.round(line.score * 100))})\n\n`);
  if (line.reasons.length) md.appendMarkdown(`${vscode.l10n.t('Why')}: ${line.reasons.map(esc).join('; ')}\n\n`);
  return md;
}
