// Command ids in one table: package.json declares the same ids (a manifest test checks they agree).
export const Cmd = {
  showCorpusSummary: 'newsmark.showCorpusSummary',
  tagBody: 'newsmark.tagBody',
  tagActor: 'newsmark.tagActor',
  tagDate: 'newsmark.tagDate',
  tagAs: 'newsmark.tagAs',
  removeTag: 'newsmark.removeTag',
  changeLabel: 'newsmark.changeLabel',
  setStatus: 'newsmark.setStatus',
  undo: 'newsmark.undo',
  redo: 'newsmark.redo',
  acceptSuggestion: 'newsmark.acceptSuggestion',
  dismissSuggestion: 'newsmark.dismissSuggestion',
  acceptAllOfLabel: 'newsmark.acceptAllOfLabel',
  acceptEverywhere: 'newsmark.acceptEverywhere',
  tagSuggestedBody: 'newsmark.tagSuggestedBody',
  markLineBoilerplate: 'newsmark.markLineBoilerplate',
  nextSuggestion: 'newsmark.nextSuggestion',
  previousSuggestion: 'newsmark.previousSuggestion',
  exportData: 'newsmark.exportData',
  importData: 'newsmark.importData',
  treatFolderAsCorpus: 'newsmark.treatFolderAsCorpus',
  treatFileAsNewsText: 'newsmark.treatFileAsNewsText',
  showGuidelines: 'newsmark.showGuidelines',
  revealOccurrence: 'newsmark.revealOccurrence',
  deleteOrphan: 'newsmark.deleteOrphan',
  placeOrphan: 'newsmark.placeOrphan',
  refreshCorpus: 'newsmark.refreshCorpus',
  filterDocuments: 'newsmark.filterDocuments',
  approveTag: 'newsmark.approveTag',
  rejectTag: 'newsmark.rejectTag',
  clearReview: 'newsmark.clearReview',
  approvePage: 'newsmark.approvePage',
  compareWith: 'newsmark.compareWith',
  stopComparing: 'newsmark.stopComparing',
  takeTheirs: 'newsmark.takeTheirs',
  keepMine: 'newsmark.keepMine',
  keepBoth: 'newsmark.keepBoth',
  mergeAgreed: 'newsmark.mergeAgreed',
} as const;

/** Commands that hover and view links may run (MarkdownString.isTrusted.enabledCommands). */
export const LINK_COMMANDS: readonly string[] = [
  Cmd.removeTag, Cmd.changeLabel, Cmd.acceptSuggestion, Cmd.dismissSuggestion, Cmd.acceptEverywhere,
  Cmd.revealOccurrence, Cmd.deleteOrphan, Cmd.placeOrphan, Cmd.approveTag, Cmd.rejectTag, Cmd.clearReview,
  Cmd.takeTheirs, Cmd.keepMine, Cmd.keepBoth,
];

export const SECTION = 'newsmark';
export const LANGUAGE_ID = 'news-text';
