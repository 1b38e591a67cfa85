import * as fs from 'node:fs';
import * as path from 'node:path';
import * as ts from 'typescript';
import { repoRoot } from '../../metadata/support/repo';

/**
 * A piece of text a person reads, cut out of a source file: a string literal of a .ts file, a text
 * node of metadata XML, a string value of JSON, a table cell or line of Markdown. Language checks
 * run on these, never on code, so `a: b` in a type or `f(x)` in a call is never mistaken for prose.
 */
export interface TextUnit {
    /** Path relative to the repository root, with forward slashes. */
    readonly file: string;
    /** 1-based line where the text starts. */
    readonly line: number;
    readonly text: string;
    /** Markdown only: the text with inline code removed (literal names are not prose). */
    readonly prose: string;
}

const SKIPPED_DIRS = new Set([
    'node_modules',
    '.git',
    '.sf',
    '.sfdx',
    'coverage',
    '.localdevserver',
    'deploy-out',
    'mdapi-out',
    'rescore-out',
    '.rescore-state',
    '.node22'
]);
const TEXT_EXTENSIONS = new Set([
    '.ts',
    '.js',
    '.cjs',
    '.mjs',
    '.json',
    '.xml',
    '.md',
    '.html',
    '.css',
    '.yml',
    '.yaml',
    '.sh',
    '.txt'
]);

function relPath(file: string): string {
    return path.relative(repoRoot, file).split(path.sep).join('/');
}

/** Compiled component JavaScript is build output (git-ignored), never a source of text. */
function isBuildOutput(rel: string): boolean {
    return /^force-app\/.*\/lwc\/.*\.js$/.test(rel);
}

/** Every text file of the repository a person might read or ship, as paths relative to the root. */
export function listTextFiles(dir = repoRoot): string[] {
    const out: string[] = [];
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
        const full = path.join(dir, entry.name);
        if (entry.isDirectory()) {
            if (!SKIPPED_DIRS.has(entry.name)) out.push(...listTextFiles(full));
            continue;
        }
        const rel = relPath(full);
        if (entry.name === 'package-lock.json' || isBuildOutput(rel)) continue;
        if (TEXT_EXTENSIONS.has(path.extname(entry.name)) || entry.name.endsWith('-meta.xml')) out.push(rel);
    }
    return out.sort();
}

/**
 * The language suites themselves: their negative cases are deliberate defects (forbidden words,
 * ASCII punctuation, forbidden guidance), so the repository-wide scans skip them.
 */
export function holdsDeliberateDefects(rel: string): boolean {
    return /^test\/language\/.*\.test\.ts$/.test(rel);
}

/**
 * Tests of the English interface: their expectations show Chinese sample names inside English
 * text ("王建 (分管信息化副总)" is what the English screen prints), so ASCII punctuation is right
 * there. The Chinese interface is tested in `*.zh.test.ts`, which the punctuation check reads.
 */
export function testsEnglishInterface(rel: string): boolean {
    return /\/__tests__\/[^/]+\.test\.ts$/.test(rel) && !rel.endsWith('.zh.test.ts');
}

export function readRepoFile(rel: string): string {
    return fs.readFileSync(path.join(repoRoot, rel), 'utf8');
}

function lineOf(content: string, offset: number): number {
    let line = 1;
    for (let i = 0; i < offset; i++) if (content.charCodeAt(i) === 10) line++;
    return line;
}

/** Splits multi-line text into one unit per line, so each line is judged (and reported) alone. */
function perLine(file: string, firstLine: number, text: string): TextUnit[] {
    return text
        .split('\n')
        .map((lineText, i) => ({ file, line: firstLine + i, text: lineText, prose: lineText }));
}

const isScript = (file: string) => /\.(?:ts|js|cjs|mjs)$/.test(file);

/**
 * Script source with its regular-expression literals blanked (same length and lines): a pattern
 * that lists forbidden words in order to reject them is never text a person reads.
 */
export function withoutRegexLiterals(file: string, content: string): string {
    if (!isScript(file)) return content;
    const kind = /\.(c|m)?js$/.test(file) ? ts.ScriptKind.JS : ts.ScriptKind.TS;
    const source = ts.createSourceFile(file, content, ts.ScriptTarget.Latest, true, kind);
    const chars = content.split('');
    const visit = (node: ts.Node): void => {
        if (node.kind === ts.SyntaxKind.RegularExpressionLiteral) {
            for (let i = node.getStart(source); i < node.getEnd(); i++) if (chars[i] !== '\n') chars[i] = ' ';
        }
        node.forEachChild(visit);
    };
    visit(source);
    return chars.join('');
}

function scriptUnits(file: string, content: string): TextUnit[] {
    const kind = /\.(c|m)?js$/.test(file) ? ts.ScriptKind.JS : ts.ScriptKind.TS;
    const source = ts.createSourceFile(file, content, ts.ScriptTarget.Latest, true, kind);
    const units: TextUnit[] = [];
    const visit = (node: ts.Node): void => {
        if (
            ts.isStringLiteral(node) ||
            ts.isNoSubstitutionTemplateLiteral(node) ||
            ts.isTemplateHead(node) ||
            ts.isTemplateMiddle(node) ||
            ts.isTemplateTail(node)
        ) {
            units.push(...perLine(file, lineOf(content, node.getStart(source)), node.text));
        }
        node.forEachChild(visit);
    };
    visit(source);
    return units;
}

const ENTITIES: Readonly<Record<string, string>> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

function decodeEntities(text: string): string {
    return text.replace(/&(lt|gt|amp|quot|apos);/g, (_m, name: string) => ENTITIES[name]);
}

/** Text nodes of XML or an HTML template; metadata keeps each text value on one line. */
function markupUnits(file: string, content: string): TextUnit[] {
    const units: TextUnit[] = [];
    content.split('\n').forEach((lineText, i) => {
        for (const m of lineText.matchAll(/>([^<]+)</g)) {
            const text = decodeEntities(m[1]).trim();
            if (text) units.push({ file, line: i + 1, text, prose: text });
        }
    });
    return units;
}

function jsonUnits(file: string, content: string): TextUnit[] {
    const units: TextUnit[] = [];
    content.split('\n').forEach((lineText, i) => {
        for (const m of lineText.matchAll(/"((?:[^"\\]|\\.)*)"/g)) {
            const text = JSON.parse(m[0]) as string;
            units.push({ file, line: i + 1, text, prose: text });
        }
    });
    return units;
}

/**
 * Markdown prose: each line outside fenced code, cut into table cells and at " · " (the docs'
 * "English · 中文" headings), so an English cell and a Chinese cell are judged apart.
 */
function markdownUnits(file: string, content: string): TextUnit[] {
    const units: TextUnit[] = [];
    let fenced = false;
    content.split('\n').forEach((lineText, i) => {
        if (/^\s*(```|~~~)/.test(lineText)) {
            fenced = !fenced;
            return;
        }
        if (fenced) return;
        for (const segment of lineText.split(/\s\|\s|^\s*\||\|\s*$| · /)) {
            const text = segment.trim();
            if (!text || /^:?-+:?$/.test(text)) continue;
            // Inline code is a literal name and a link target is an address: neither is prose.
            const prose = text.replace(/`[^`]*`/g, '␣').replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1');
            units.push({ file, line: i + 1, text, prose });
        }
    });
    return units;
}

/** The readable text of one file, by its kind. */
export function textUnitsOf(file: string, content: string): TextUnit[] {
    if (/\.(ts|js|cjs|mjs)$/.test(file) && !file.endsWith('.d.ts')) return scriptUnits(file, content);
    if (/\.d\.ts$/.test(file)) return scriptUnits(file, content);
    if (file.endsWith('.json')) return jsonUnits(file, content);
    if (file.endsWith('.xml') || file.endsWith('.html')) return markupUnits(file, content);
    if (file.endsWith('.md')) return markdownUnits(file, content);
    return perLine(file, 1, content);
}

const HAN = /\p{Script=Han}/u;
const HAN_G = /\p{Script=Han}/gu;

export function hasHan(text: string): boolean {
    return HAN.test(text);
}

/**
 * Whether a piece of text is Chinese prose rather than English prose that mentions a Chinese name or
 * term: Chinese characters must at least match the Latin words (placeholders such as `{name}`,
 * and numbers do not count), and English with a Chinese gloss in brackets stays English. "Delete the
 * assessment of 张涛?" and "Wang Jian (王建)" are English; "编辑 {name}" and "Ctrl+Enter 保存，Esc 取消。"
 * are Chinese.
 */
export function isChinese(text: string): boolean {
    const han = (text.match(HAN_G) ?? []).length;
    if (han === 0) return false;
    const words = (s: string) => (s.replace(/\{\w+\}/g, ' ').match(/[A-Za-z][A-Za-z'’-]*/g) ?? []).length;
    // "Wang Jian (王建)", "Vitamin Group (维生素集团)": English with a Chinese gloss in brackets.
    const outside = text.replace(/\([^()]*\)/g, ' ');
    if (!HAN.test(outside) && words(outside) > 0) return false;
    return han >= words(text);
}
