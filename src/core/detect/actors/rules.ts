// The actor rules by id, and the score each gives its suggestions. A learner reads the rule ids as features,
// and the quality view counts decisions per rule, so a rule is measured or switched off alone.
/**
 * Ids of the rules behind actor suggestions (a suggestion's `rules`): the line-scan evidence kinds
 * (ActorEvidence) and the page-level rules. A learner reads them as features, so a rule's id must not change
 * meaning; a new rule gets a new id.
 */
export const ACTOR_RULES = [
  'honorific', 'title', 'title-abbreviation', 'org', 'org-descriptor', 'standalone', 'source', 'speech', 'capitalised',
  'organisation-word', 'family-name', 'capitalised-phrase', 'abbreviation', 'speaker', 'repeat', 'abbreviation-repeat',
  'short-form-last', 'short-form-first', 'accepted',
] as const;

/** The rule id of suggestions repeating what the annotator accepted elsewhere (propagation). */
export const ACCEPTED_RULE = 'accepted';

export type ActorEvidence =
  | 'honorific' | 'title' | 'org' | 'org-descriptor' | 'standalone' | 'source' | 'speech' | 'capitalised'
  | 'organisation-word' | 'family-name' | 'capitalised-phrase' | 'abbreviation';

/**
 * The score each rule gives its suggestions before anything is learned: the cold start. The learned tagger
 * reads the rule ids, not these numbers; the page-level thresholds below compare against them.
 */
export const ACTOR_SCORES = {
  honorific: 0.9,
  orgHead: 0.85,
  abbreviation: 0.85,
  standalone: 0.8,
  source: 0.75,
  speech: 0.7,
  organisationWord: 0.7,
  familyName: 0.7,
  capitalised: 0.45,
  capitalisedAfterPlace: 0.45,
  capitalisedAtSentenceStart: 0.4,
  speaker: 0.7,
  titleAbbreviation: 0.8,
  titleName: 0.85,
  titleSingleWord: 0.6,
  shortFormStrong: 0.8,
  shortForm: 0.55,
  /** A repeat elsewhere scores a little under the name it repeats, at most this. */
  repeatMax: 0.8,
  repeatDiscount: 0.05,
} as const;

/** Page-level thresholds on those scores. */
export const ACTOR_THRESHOLDS = {
  /** A single-word person's name at least this strong makes the same word elsewhere a name (and its short forms strong). */
  strongName: 0.6,
  /** Under this a candidate is weak: raised to strongName when a strong name shares a word with it, and
   * repeated elsewhere only as a person's name of two or more words. */
  weakPerson: 0.5,
  /** Under this, a candidate is not repeated elsewhere on the page. */
  repeatable: 0.45,
  /** A one-word name at a sentence start under this is not repeated there. */
  sentenceStartRepeat: 0.85,
} as const;
