import * as fs from 'node:fs';
import * as path from 'node:path';

export const repoRoot = path.resolve(__dirname, '..', '..', '..');
export const forceAppDir = path.join(repoRoot, 'force-app');
export const defaultDir = path.join(forceAppDir, 'main', 'default');
export const dataDir = path.join(repoRoot, 'data');

const SKIPPED_DIRS = new Set(['node_modules', '.git', '.sf', '.sfdx', 'coverage']);

/** Files below `dir` (recursively) whose path satisfies `accept`, sorted for stable test output. */
export function listFiles(dir: string, accept: (file: string) => boolean): string[] {
    if (!fs.existsSync(dir)) return [];
    const out: string[] = [];
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
        const full = path.join(dir, entry.name);
        if (entry.isDirectory()) {
            if (!SKIPPED_DIRS.has(entry.name)) out.push(...listFiles(full, accept));
        } else if (accept(full)) out.push(full);
    }
    return out.sort();
}

export function rel(file: string): string {
    return path.relative(repoRoot, file);
}
