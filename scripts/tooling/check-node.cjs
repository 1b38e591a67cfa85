// Runs before `npm install`/`npm ci`: fail early and clearly on an old Node, because
// @salesforce/cli, @salesforce/core and jsforce pull undici 8, which crashes on Node < 22.
'use strict';
const major = Number(process.versions.node.split('.')[0]);
if (major < 22) {
    console.error(
        `Deal Control needs Node.js 22 or newer; this is Node ${process.versions.node}.\n` +
            'Install Node 22 (see .nvmrc), or run `bash .ci/run`, which fetches Node 22 from the npm registry.'
    );
    process.exit(1);
}
