// Child process of crash.test.ts: rewrites one sidecar as fast as it can until it is killed.
import * as fs from 'node:fs';
import { writeFileAtomic } from '../../../src/node/files';

const [target, a, b] = process.argv.slice(2);
const versions = [fs.readFileSync(a, 'utf8'), fs.readFileSync(b, 'utf8')];
process.stdout.write('writing\n');
for (let i = 0; ; i++) writeFileAtomic(target, versions[i % 2]);
