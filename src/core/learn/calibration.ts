// Calibration of the learned tagger's scores: the Viterbi margin of a span mapped to the probability that
// the span is right, fitted on the spans it tagged on held-out annotated pages.

export function sigmoid(x: number): number {
  return 1 / (1 + Math.exp(-x));
}

/**
 * Platt scaling: a, b of p = sigmoid(a * margin + b), fitted on log loss by Newton's method with a
 * backtracking line search and Platt's smoothed targets (as in Lin, Lin and Weng's note on Platt scaling):
 * plain Newton steps overshoot on margins that nearly separate right from wrong and end at a step function.
 */
export function plattScaling(points: readonly { margin: number; correct: boolean }[]): { a: number; b: number } {
  return plattFit(points) ?? { a: 0.5, b: 0 };
}

/** plattScaling's fit, or undefined where it finds no increasing relation between margin and rightness. */
export function plattFit(points: readonly { margin: number; correct: boolean }[]): { a: number; b: number } | undefined {
  const positives = points.filter((p) => p.correct).length;
  const negatives = points.length - positives;
  const high = (positives + 1) / (positives + 2);
  const low = 1 / (negatives + 2);
  const loss = (a: number, b: number): number => {
    let sum = 0;
    for (const { margin, correct } of points) {
      const z = a * margin + b;
      const t = correct ? high : low;
      // t * log(1 + e^-z) + (1 - t) * log(1 + e^z), without overflow
      sum += (z >= 0 ? z + Math.log1p(Math.exp(-z)) : Math.log1p(Math.exp(z))) - t * z;
    }
    return sum;
  };
  let a = 0;
  let b = Math.log((positives + 1) / (negatives + 1));
  let current = loss(a, b);
  for (let iteration = 0; iteration < 100; iteration++) {
    let ga = 0, gb = 0, haa = 1e-12, hab = 0, hbb = 1e-12;
    for (const { margin, correct } of points) {
      const p = sigmoid(a * margin + b);
      const t = correct ? high : low;
      const w = p * (1 - p);
      ga += (p - t) * margin;
      gb += p - t;
      haa += w * margin * margin;
      hab += w * margin;
      hbb += w;
    }
    if (Math.abs(ga) < 1e-5 && Math.abs(gb) < 1e-5) break;
    const det = haa * hbb - hab * hab;
    const da = -(hbb * ga - hab * gb) / det;
    const db = -(haa * gb - hab * ga) / det;
    let step = 1;
    let next = loss(a + step * da, b + step * db);
    while (step > 1e-10 && !(next <= current + 1e-4 * step * (ga * da + gb * db))) {
      step /= 2;
      next = loss(a + step * da, b + step * db);
    }
    if (step <= 1e-10) break;
    a += step * da;
    b += step * db;
    current = next;
  }
  return Number.isFinite(a) && Number.isFinite(b) && a > 0 ? { a, b } : undefined;
}
