// External suggesters: configuration, the protocol, and what to do when one fails.
import type { DocumentAnalysis } from '../detect/analyse';
import type { Suggestion } from '../model/types';

export * from './config';
export * from './health';
export * from './protocol';

/** The analysis with more suggestions (from suggesters), kept sorted by start like the detectors' own. */
export function withSuggestions(analysis: DocumentAnalysis, more: readonly Suggestion[]): DocumentAnalysis {
  if (more.length === 0) return analysis;
  const suggestions = [...analysis.suggestions, ...more].sort((a, b) => a.start - b.start || a.end - b.end);
  return { ...analysis, suggestions };
}
