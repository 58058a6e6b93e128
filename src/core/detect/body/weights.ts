// Placeholder: the hand-set decision unchanged (rewritten by scripts/fit-body-model.ts).
import { FEATURE_COUNT } from './model';

export const BODY_MODEL: { readonly weights: readonly number[]; readonly bias: number } = {
  weights: Array.from({ length: FEATURE_COUNT }, (_, i) => (i === 0 ? 1 : 0)),
  bias: 0,
};
