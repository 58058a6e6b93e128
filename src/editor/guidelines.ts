// "Show Annotation Guidelines": the team's guidelines (setting `newsmark.guidelines`) or the ones shipped
// with Newsmark, as a Markdown preview beside the text being annotated.
import * as vscode from 'vscode';
import type { EditorContext } from './context';
import { exists } from './fsio';
import { Cmd } from './ids';

/** The guidelines file: the setting (absolute, or relative to the first workspace folder) or docs/guidelines.md. */
export async function guidelinesUri(ctx: EditorContext): Promise<vscode.Uri> {
  const shipped = vscode.Uri.joinPath(ctx.extension.extensionUri, 'docs', 'guidelines.md');
  const configured = ctx.settings().guidelines;
  if (!configured) return shipped;
  const folder = vscode.workspace.workspaceFolders?.[0];
  const uri = isAbsolute(configured) || !folder ? vscode.Uri.file(configured) : vscode.Uri.joinPath(folder.uri, configured);
  if (await exists(uri)) return uri;
  void vscode.window.showWarningMessage(
    vscode.l10n.t('Newsmark: the guidelines file {0} (setting newsmark.guidelines) does not exist; showing the guidelines shipped with Newsmark.', configured),
  );
  return shipped;
}

function isAbsolute(path: string): boolean {
  return path.startsWith('/') || /^[A-Za-z]:[\\/]/.test(path) || path.startsWith('\\\\');
}

export function register(ctx: EditorContext): void {
  ctx.extension.subscriptions.push(
    vscode.commands.registerCommand(Cmd.showGuidelines, async () => {
      const uri = await guidelinesUri(ctx);
      try {
        await vscode.commands.executeCommand('markdown.showPreviewToSide', uri);
      } catch (err) {
        // The built-in Markdown extension may be disabled: the file itself is still readable.
        ctx.log.info(`guidelines: no Markdown preview (${err instanceof Error ? err.message : String(err)}); opening the file`);
        await vscode.window.showTextDocument(uri, { viewColumn: vscode.ViewColumn.Beside, preview: true });
      }
      return uri.toString();
    }),
  );
}
