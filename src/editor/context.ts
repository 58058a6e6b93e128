// What every adapter receives: one object owning the services and their disposables.
import type * as vscode from 'vscode';
import type { NewsmarkSettings } from '../core/settings';
import type { AnalysisService } from './analysis';
import type { Log } from './log';
import type { SidecarEvents } from './sidecarWatcher';
import type { AnnotationStore } from './store';

export interface EditorContext {
  readonly extension: vscode.ExtensionContext;
  readonly log: Log;
  settings(): NewsmarkSettings;
  readonly store: AnnotationStore;
  /** Every sidecar created, changed or deleted in the workspace (one watcher). */
  readonly sidecars: SidecarEvents;
  readonly analysis: AnalysisService;
  /** Writing sidecars and exporting need a trusted workspace. */
  trusted(): boolean;
}
