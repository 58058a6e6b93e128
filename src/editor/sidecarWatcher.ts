// One file-system watcher for every sidecar in the workspace; the store, the views, the news-text rule and
// compare mode each subscribe to it instead of watching the whole tree themselves.
import * as vscode from 'vscode';
import { SIDECAR_SUFFIX } from '../core/sidecar/paths';

export type SidecarChange = 'changed' | 'created' | 'deleted';

export interface SidecarEvents extends vscode.Disposable {
  readonly onDidChange: vscode.Event<{ uri: vscode.Uri; change: SidecarChange }>;
}

export function watchSidecars(): SidecarEvents {
  const emitter = new vscode.EventEmitter<{ uri: vscode.Uri; change: SidecarChange }>();
  const watcher = vscode.workspace.createFileSystemWatcher(`**/*${SIDECAR_SUFFIX}`);
  const subscriptions = [
    watcher.onDidChange((uri) => emitter.fire({ uri, change: 'changed' })),
    watcher.onDidCreate((uri) => emitter.fire({ uri, change: 'created' })),
    watcher.onDidDelete((uri) => emitter.fire({ uri, change: 'deleted' })),
  ];
  return {
    onDidChange: emitter.event,
    dispose() {
      for (const s of subscriptions) s.dispose();
      watcher.dispose();
      emitter.dispose();
    },
  };
}
