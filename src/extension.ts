import * as vscode from 'vscode';

export function activate(context: vscode.ExtensionContext) {
  const log = vscode.window.createOutputChannel('Newsmark', { log: true });
  context.subscriptions.push(log);
  log.info('Newsmark activated');
  context.subscriptions.push(
    vscode.commands.registerCommand('newsmark.showCorpusSummary', async () => {
      const files = await vscode.workspace.findFiles('**/*.txt', '**/node_modules/**');
      void vscode.window.showInformationMessage(`Newsmark: ${files.length} documents`);
      return { documents: files.length };
    }),
  );
  return {};
}

export function deactivate() {}
