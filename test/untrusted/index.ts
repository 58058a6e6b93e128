// Entry of the in-host suite run in an untrusted workspace (restricted mode): every *.test.js beside this file.
import { runSuitesIn } from '../integration/index';

export function run(): Promise<void> {
  return runSuitesIn(__dirname);
}
