#!/usr/bin/env node
// Runs npm scripts side by side, then prints each one's output in turn (never interleaved).
// The static checks (type check, lint, formatting) are single-threaded: on a 2-core machine
// running them together takes about half the time of one after the other.
// Usage: node scripts/tooling/run-parallel.cjs typecheck lint format:check
// Exit code: 0 when every script passed, otherwise the first failing script's code.
'use strict';
const { spawn } = require('node:child_process');

const scripts = process.argv.slice(2);
if (scripts.length === 0) {
    console.error('run-parallel: name the npm scripts to run, e.g. typecheck lint');
    process.exit(2);
}

function run(name) {
    return new Promise((resolve) => {
        const started = Date.now();
        const child = spawn(process.platform === 'win32' ? 'npm.cmd' : 'npm', ['run', '--silent', name], {
            stdio: ['ignore', 'pipe', 'pipe']
        });
        const output = [];
        child.stdout.on('data', (chunk) => output.push(chunk));
        child.stderr.on('data', (chunk) => output.push(chunk));
        child.on('error', (error) => output.push(Buffer.from(`${error.message}\n`)));
        child.on('close', (code) =>
            resolve({
                name,
                code: code ?? 1,
                output: Buffer.concat(output).toString(),
                seconds: (Date.now() - started) / 1000
            })
        );
    });
}

Promise.all(scripts.map(run)).then((results) => {
    for (const result of results) {
        const status = result.code === 0 ? 'passed' : `FAILED (exit ${result.code})`;
        process.stdout.write(
            `> npm run ${result.name}: ${status} in ${result.seconds.toFixed(1)} s\n${result.output}`
        );
    }
    const failed = results.find((result) => result.code !== 0);
    process.exit(failed ? failed.code : 0);
});
