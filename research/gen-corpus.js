#!/usr/bin/env node
// `npm run gen-corpus -- OUT N [--seed S] [--tags]`: launcher of research/bench/generate.ts (TypeScript via tsx).
 
'use strict';
require('tsx/cjs');
process.exitCode = require('./bench/generate.ts').main(process.argv.slice(2));
