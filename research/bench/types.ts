/** One measured number of `npm run bench`. */
export interface BenchRow {
  name: string;
  value: number;
  unit: string;
  /** The goal, human-readable ("< 100 ms"). */
  target?: string;
  /** Whether value meets target (absent when there is no target). */
  ok?: boolean;
  /** What the number is compared with, when there is a reference. */
  baseline?: string;
}
