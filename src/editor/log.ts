import * as vscode from 'vscode';

/** The "Newsmark" output channel. */
export type Log = vscode.LogOutputChannel;

export function createLog(): Log {
  return vscode.window.createOutputChannel('Newsmark', { log: true });
}
