#!/usr/bin/env node
// Runs npm scripts side by side, then prints each one's output in turn (never interleaved).
// The static checks (type check, lint, formatting) are single-threaded: on a 2-core machine
// running them together takes about half the time of one after the other.
// Usage: node scripts/tooling/run-parallel.cjs typecheck lint format:check
// Exit code: 0 when every script passed, otherwise the first failing script's code.
'use strict';
const { runBuffered, statusOf } = require('./bufferedRun.cjs');

const scripts = process.argv.slice(2);
if (scripts.length === 0) {
    console.error('run-parallel: name the npm scripts to run, e.g. typecheck lint');
    process.exit(2);
}

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const run = (name) => runBuffered(name, npm, ['run', '--silent', name]);

Promise.all(scripts.map(run)).then((results) => {
    for (const result of results) {
        process.stdout.write(
            `> npm run ${result.name}: ${statusOf(result)} in ${result.seconds.toFixed(1)} s\n${result.output}`
        );
    }
    const failed = results.find((result) => result.code !== 0);
    process.exit(failed ? failed.code : 0);
});
