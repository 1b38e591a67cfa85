// Runs one command with its output kept, so that commands run side by side can print in turn
// instead of interleaved. Shared by run-parallel.cjs (npm scripts) and run-tests.cjs (Jest parts).
'use strict';
const { spawn } = require('node:child_process');

/**
 * Resolves (never rejects) with { name, code, output, seconds }; a command killed by a signal gets
 * code 130, one that could not start gets 1 with the reason in its output.
 */
function runBuffered(name, command, args, env = process.env) {
    return new Promise((resolve) => {
        const started = Date.now();
        const child = spawn(command, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
        const output = [];
        child.stdout.on('data', (chunk) => output.push(chunk));
        child.stderr.on('data', (chunk) => output.push(chunk));
        child.on('error', (error) => output.push(Buffer.from(`${error.message}\n`)));
        child.on('close', (code, signal) =>
            resolve({
                name,
                code: code ?? (signal ? 130 : 1),
                output: Buffer.concat(output).toString(),
                seconds: (Date.now() - started) / 1000
            })
        );
    });
}

/** "passed" or "FAILED (exit N)". */
function statusOf(result) {
    return result.code === 0 ? 'passed' : `FAILED (exit ${result.code})`;
}

module.exports = { runBuffered, statusOf };
