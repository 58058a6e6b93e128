// Placeholder: the hand-set decision unchanged (rewritten by scripts/fit-body-model.ts).
import { FEATURE_COUNT, type BodyModel } from './model';

export const BODY_MODEL: BodyModel = {
  bias: 0,
  weights: Array.from({ length: FEATURE_COUNT }, (_, i) => (i === 0 ? 1 : 0)),
  stumps: [],
};
