// What every adapter receives: one object owning the services and their disposables.
import type * as vscode from 'vscode';
import type { NewsmarkSettings } from '../core/settings';
import type { AnalysisService } from './analysis';
import type { Log } from './log';
import type { AnnotationStore } from './store';

export interface EditorContext {
  readonly extension: vscode.ExtensionContext;
  readonly log: Log;
  settings(): NewsmarkSettings;
  readonly store: AnnotationStore;
  readonly analysis: AnalysisService;
  /** Writing sidecars and exporting need a trusted workspace. */
  trusted(): boolean;
}
