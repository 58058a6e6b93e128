// The package tier: runs in a host where Newsmark is installed from its .vsix, not loaded from the repository.
import * as path from 'node:path';
import { runSuitesIn } from '../integration/index';

export function run(): Promise<void> {
  return runSuitesIn(path.join(__dirname));
}
