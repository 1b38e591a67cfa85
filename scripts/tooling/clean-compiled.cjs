// `npm run clean`: removes the JavaScript that `npm run build` compiled next to each component's
// TypeScript source. Only a .js with a sibling .ts is removed, so hand-written files are safe.
'use strict';
const fs = require('fs');
const path = require('path');

const lwcRoot = path.resolve(__dirname, '..', '..', 'force-app', 'main', 'default', 'lwc');

function compiledFiles(dir) {
    return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
        const full = path.join(dir, entry.name);
        if (entry.isDirectory()) return compiledFiles(full);
        return entry.name.endsWith('.js') && fs.existsSync(full.slice(0, -3) + '.ts') ? [full] : [];
    });
}

const removed = fs.existsSync(lwcRoot) ? compiledFiles(lwcRoot) : [];
for (const file of removed) fs.rmSync(file);
console.log(
    `clean: removed ${removed.length} compiled file(s) under ${path.relative(process.cwd(), lwcRoot) || '.'}`
);
