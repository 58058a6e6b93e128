// The one file that knows both sides: core spans (UTF-16 offsets) and VS Code positions and ranges.
import * as vscode from 'vscode';
import type { Span, TextEdit } from '../core/model/types';

export function toRange(doc: vscode.TextDocument, span: Span): vscode.Range {
  return new vscode.Range(doc.positionAt(span.start), doc.positionAt(span.end));
}

export function toSpan(doc: vscode.TextDocument, range: vscode.Range): Span {
  return { start: doc.offsetAt(range.start), end: doc.offsetAt(range.end) };
}

/** One change event's edits, in offsets of the text before the event (what core's rebase expects). */
export function toEdits(changes: readonly vscode.TextDocumentContentChangeEvent[]): TextEdit[] {
  return changes.map((c) => ({ start: c.rangeOffset, end: c.rangeOffset + c.rangeLength, text: c.text }));
}
