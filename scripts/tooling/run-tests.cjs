#!/usr/bin/env node
// The Jest half of `npm test`: two Jest processes side by side (see the top of jest.config.js).
// V8's precise coverage about doubles the cost of everything a worker runs, so only the tests whose
// code has coverage thresholds (the model and the scripts) run with it; the rest run without. Each
// part's output is printed whole, in turn, then one line in Jest's own form with both parts
// added up ("Tests:       2 failed, 3351 passed, 3353 total"), which .ci/run reads.
// Exit code: 0 when both parts passed, otherwise the first failing part's code.
'use strict';
const { runBuffered, statusOf } = require('./bufferedRun.cjs');

const jest = require.resolve('jest/bin/jest');
const PARTS = [
    { name: 'covered', args: ['--coverage'] },
    { name: 'rest', args: [] }
];

const run = (part) =>
    runBuffered(part.name, process.execPath, [jest, ...part.args], {
        ...process.env,
        DEAL_CONTROL_TESTS: part.name
    });

/** Counts from Jest's "Tests:" line, e.g. { failed: 2, passed: 3351, total: 3353 }. */
function testCounts(output) {
    const line = output
        .split('\n')
        .filter((l) => l.startsWith('Tests:'))
        .pop();
    const counts = {};
    for (const match of (line || '').matchAll(/(\d+) (\w+)/g)) counts[match[2]] = Number(match[1]);
    return counts;
}

Promise.all(PARTS.map(run)).then((results) => {
    const sum = {};
    for (const result of results) {
        process.stdout.write(
            `> jest (${result.name}): ${statusOf(result)} in ${result.seconds.toFixed(1)} s\n${result.output}\n`
        );
        for (const [kind, n] of Object.entries(testCounts(result.output))) sum[kind] = (sum[kind] || 0) + n;
    }
    const order = ['failed', 'skipped', 'todo', 'passed', 'total'];
    const parts = order.filter((kind) => sum[kind] !== undefined).map((kind) => `${sum[kind]} ${kind}`);
    process.stdout.write(`Both Jest parts:\nTests:       ${parts.join(', ') || 'no result'}\n`);
    const failed = results.find((result) => result.code !== 0);
    process.exit(failed ? failed.code : 0);
});
