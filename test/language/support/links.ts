import * as fs from 'node:fs';
import * as path from 'node:path';
import { repoRoot } from '../../metadata/support/repo';
import { Finding } from './checks';

/** The anchor a Markdown renderer gives a heading: GitHub's rule (lower case, no punctuation, - for spaces). */
export function headingSlug(heading: string): string {
    return heading
        .replace(/[`*]/g, '')
        .trim()
        .toLowerCase()
        .replace(/[^\p{L}\p{N}\s_-]/gu, '')
        .replace(/\s/g, '-');
}

function slugsOf(markdown: string): Set<string> {
    return new Set(
        markdown
            .split('\n')
            .filter((l) => /^#{1,6} /.test(l))
            .map((l) => headingSlug(l.replace(/^#+ /, '')))
    );
}

const OUTSIDE = /\.\.\/shared\b|(?:^|[\s(`'"])\/(?:work|root|home|tmp|Users)\//;

export type Exists = (rel: string) => boolean;
export type ReadText = (rel: string) => string;

export const fileExists: Exists = (rel) => fs.existsSync(path.join(repoRoot, rel));

/** Broken or outside links of one Markdown file (`rel` is its path from the repository root). */
export function markdownLinkFindings(
    rel: string,
    markdown: string,
    exists: Exists,
    read: ReadText
): Finding[] {
    const findings: Finding[] = [];
    let fenced = false;
    markdown.split('\n').forEach((lineText, i) => {
        const line = i + 1;
        if (/^\s*(```|~~~)/.test(lineText)) fenced = !fenced;
        if (OUTSIDE.test(lineText)) {
            findings.push({
                file: rel,
                line,
                message: 'names a path outside the repository; link to a file inside it'
            });
        }
        if (fenced) return;
        for (const m of lineText.matchAll(/\]\(([^)\s]+)(?:\s+"[^"]*")?\)|^\s*\[[^\]]+\]:\s*(\S+)/g)) {
            const target = m[1] ?? m[2];
            if (/^(?:https?:|mailto:)/.test(target)) continue;
            const [file, anchor] = target.split('#');
            const resolved = file
                ? path.posix.normalize(path.posix.join(path.posix.dirname(rel), file))
                : rel;
            if (resolved.startsWith('..') || path.posix.isAbsolute(resolved)) {
                findings.push({ file: rel, line, message: `links outside the repository: ${target}` });
            } else if (!exists(resolved)) {
                findings.push({ file: rel, line, message: `links to ${resolved}, which does not exist` });
            } else if (
                anchor &&
                resolved.endsWith('.md') &&
                !slugsOf(file ? read(resolved) : markdown).has(decodeURIComponent(anchor))
            ) {
                findings.push({
                    file: rel,
                    line,
                    message: `links to #${anchor}, which is no heading of ${resolved}`
                });
            }
        }
    });
    return findings;
}

/**
 * The line without its relative module specifiers that resolve, from the file's folder, to a module of
 * the repository: `import … from '../shared/seededRandom'` in scripts/bench is scripts/shared, not the
 * team's ../shared. A specifier that leaves the repository or names nothing in it stays in the line.
 */
function withoutModulesInside(rel: string, lineText: string, exists: Exists): string {
    return lineText.replace(/(['"])(\.\.?\/[\w./-]+)\1/g, (whole, _quote: string, specifier: string) => {
        const resolved = path.posix.normalize(path.posix.join(path.posix.dirname(rel), specifier));
        if (resolved.startsWith('..')) return whole;
        const module = ['', '.ts', '.js', '/index.ts'].some((ext) => exists(resolved + ext));
        return module ? '' : whole;
    });
}

/** Code shipped to users: its comments and messages may name repository files only. */
export function shippedCodeFindings(rel: string, code: string, exists: Exists): Finding[] {
    const findings: Finding[] = [];
    code.split('\n').forEach((lineText, i) => {
        if (OUTSIDE.test(withoutModulesInside(rel, lineText, exists))) {
            findings.push({ file: rel, line: i + 1, message: 'names a path outside the repository' });
        }
        for (const m of lineText.matchAll(/(?<![\w/.-])((?:\.\.?\/)?[\w./-]*[\w-]+\.md)\b/g)) {
            const name = m[1];
            const candidates = [
                path.posix.join(path.posix.dirname(rel), name),
                name,
                path.posix.join('docs', name)
            ];
            if (
                !candidates.some(
                    (c) => !path.posix.normalize(c).startsWith('..') && exists(path.posix.normalize(c))
                )
            ) {
                findings.push({
                    file: rel,
                    line: i + 1,
                    message: `names ${name}, which is not in the repository`
                });
            }
        }
    });
    return findings;
}
