// How sure the self-gate must be (see SpanLearner.train): its own module, without dependencies, so that the
// views and the command line that quote it need not load the learner.

/**
 * How sure the held-out pages must make it that the tagger beats the rules before it replaces them: its
 * exact F1 must be higher in this share of bootstrap redraws of those pages (see advantageBound in
 * heldOut.ts). A fixed margin asked as much of 400 pages as of 13; this asks more where fewer pages were
 * measured.
 */
export const GATE_CONFIDENCE = 0.9;

/** The share as users read it: "in 9 of 10 redraws". */
export const GATE_REDRAWS_OF_TEN = Math.round(GATE_CONFIDENCE * 10);
