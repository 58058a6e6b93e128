// The span learner (see learner.ts): public API for the editor and the command line.
export {
  LEARNED_RULE, MODEL_FORMAT, MODEL_VERSION, ModelFileError, SpanLearner,
  type LabelledSpan, type LearnerOptions, type LearnerQuality, type LearningDocument, type LearningLine,
  type ModelFile, type SpanScores, type TrainingExample, UNKNOWN_WORD_REASON,
} from './learner';
export { type DecidedPage, LearningDocuments, trainingExample, trainOnPages } from './examples';
export { learningDocument } from '../detect/analyse';
