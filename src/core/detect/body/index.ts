// Body vs boilerplate, line by line: the detector's public entry. The stages live in this folder, each
// importing only the ones before it: types.ts -> evidence.ts (the evidence log of one analysis) ->
// features.ts, wrap.ts and signals/ -> context/ -> decision.ts (and model.ts, the learned combination
// the fitting script measures). What a line's text is made of (words in any script, sentence marks,
// normal forms and hashes) comes from src/core/text.

export { type BodyLearningReport, bodyLearningReport, detectLines, lineModelRows, type DetectOptions, type LineModelRow } from './decision';
export type { SiteReport } from './learner';
export { LineFeatureCache } from './features';
