// Newsmark's settings as one typed object, normalised from whatever the user wrote (a pure function, so the
// editor can re-read settings on every change without a reload and tests need no VS Code).

export interface LabelConfig {
  id: string;
  name: string;
  /** A theme color id (`newsmark.actorBackground`) or a CSS color (`#ff8800`); defaults per label. */
  color?: string;
  /** The key of its "tag as" keybinding chord, for display. */
  key?: string;
}

export interface NewsmarkSettings {
  labels: LabelConfig[];
  corpusGlobs: string[];
  /** Folders (workspace-relative or absolute) whose pages are news pages before any has a sidecar. */
  corpusFolders: string[];
  lexicons: string[];
  suggestions: {
    entities: boolean;
    boilerplate: boolean;
    bodyBlock: boolean;
    relativeDates: boolean;
    /** Entity suggestions whose (calibrated) score is below this are hidden; 0 shows all. */
    minScore: number;
    /** "Next suggestion" goes to the least certain suggestion of the page first. */
    leastCertainFirst: boolean;
    dateRanges: 'whole' | 'ends';
  };
  /** Empty: sidecars beside their documents; else a folder (workspace-relative) mirroring the corpus. */
  sidecarFolder: string;
  annotator: string;
  maxSidecarBytes: number;
  guidelines: string;
  /** A span model file made by `newsmark train` (workspace-relative or absolute); empty: none. */
  model: string;
  export: { format: string; offsets: 'codepoint' | 'utf16' };
}

export const DEFAULT_LABELS: readonly LabelConfig[] = [
  { id: 'body', name: 'Body', key: 'b' },
  { id: 'actor', name: 'Actor', key: 'a' },
  { id: 'date', name: 'Date', key: 'd' },
];

const LABEL_ID = /^[a-z][a-z0-9_-]{0,31}$/;

/** A number from 0 to 1 (out-of-range numbers are clamped). */
function fraction(v: unknown, fallback: number): number {
  return typeof v === 'number' && Number.isFinite(v) ? Math.min(1, Math.max(0, v)) : fallback;
}

function bool(v: unknown, fallback: boolean): boolean {
  return typeof v === 'boolean' ? v : fallback;
}

function str(v: unknown, fallback: string): string {
  return typeof v === 'string' ? v.trim() : fallback;
}

function strings(v: unknown, fallback: string[]): string[] {
  return Array.isArray(v) ? v.filter((s): s is string => typeof s === 'string' && s.trim() !== '').map((s) => s.trim()) : fallback;
}

/** Labels from the setting: valid, unique ids; the three defaults when the setting is empty or unusable. */
export function normaliseLabels(raw: unknown): LabelConfig[] {
  if (!Array.isArray(raw)) return DEFAULT_LABELS.map((l) => ({ ...l }));
  const seen = new Set<string>();
  const labels: LabelConfig[] = [];
  for (const item of raw) {
    if (typeof item !== 'object' || item === null) continue;
    const r = item as Record<string, unknown>;
    const id = typeof r.id === 'string' ? r.id.trim().toLowerCase() : '';
    if (!LABEL_ID.test(id) || seen.has(id)) continue;
    seen.add(id);
    const label: LabelConfig = { id, name: str(r.name, '') || id };
    if (typeof r.color === 'string' && r.color.trim()) label.color = r.color.trim();
    if (typeof r.key === 'string' && /^[a-z0-9]$/i.test(r.key.trim())) label.key = r.key.trim().toLowerCase();
    labels.push(label);
  }
  return labels.length > 0 ? labels : DEFAULT_LABELS.map((l) => ({ ...l }));
}

/** `get(key)` reads one raw setting (e.g. `suggestions.entities`); undefined means "not set". */
export function normaliseSettings(get: (key: string) => unknown): NewsmarkSettings {
  const offsets = get('export.offsets');
  const maxMb = get('sidecars.maxSizeMB');
  return {
    labels: normaliseLabels(get('labels')),
    corpusGlobs: strings(get('corpus'), ['**/*.txt']),
    corpusFolders: strings(get('corpusFolders'), []),
    lexicons: strings(get('lexicons'), []),
    suggestions: {
      entities: bool(get('suggestions.entities'), true),
      boilerplate: bool(get('suggestions.boilerplate'), true),
      bodyBlock: bool(get('suggestions.bodyBlock'), true),
      relativeDates: bool(get('suggestions.relativeDates'), false),
      dateRanges: get('suggestions.dateRanges') === 'ends' ? 'ends' : 'whole',
      minScore: fraction(get('suggestions.minScore'), 0),
      leastCertainFirst: bool(get('suggestions.leastCertainFirst'), false),
    },
    sidecarFolder: str(get('sidecars.folder'), ''),
    annotator: str(get('annotator'), ''),
    maxSidecarBytes: (typeof maxMb === 'number' && maxMb > 0 ? Math.min(maxMb, 500) : 20) * 1024 * 1024,
    guidelines: str(get('guidelines'), ''),
    model: str(get('model'), ''),
    export: {
      format: str(get('export.format'), 'jsonl') || 'jsonl',
      offsets: offsets === 'utf16' ? 'utf16' : 'codepoint',
    },
  };
}
