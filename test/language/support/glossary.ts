import * as fs from 'node:fs';
import * as path from 'node:path';
import { repoRoot } from '../../metadata/support/repo';

/** The glossary is a Markdown table people edit; the tests read the same table. */
export const GLOSSARY_FILE = path.join('docs', 'glossary.md');

export interface GlossaryTerm {
    readonly english: string;
    readonly chinese: string;
    readonly from: string;
    readonly definition: string;
    readonly definitionZh: string;
    /** Variants in backticks in the "Not" column: forbidden outside the glossary. */
    readonly forbidden: readonly string[];
    /** Labels that must use the term: `Object`, `Object.Field__c`, `Object.Field__c=Value`, `band=Value`. */
    readonly labels: readonly string[];
    /** 1-based line of the row in docs/glossary.md, for messages. */
    readonly line: number;
}

const HEADER = ['English', '中文', 'From', 'Definition', '定义', 'Not (不用)', 'Label'];

function cells(row: string): string[] {
    return row
        .trim()
        .replace(/^\|/, '')
        .replace(/\|$/, '')
        .split('|')
        .map((c) => c.trim());
}

function backticked(cell: string): string[] {
    return [...cell.matchAll(/`([^`]+)`/g)].map((m) => m[1]);
}

/** Parses the glossary table; throws with the line number when a row does not fit the header. */
export function parseGlossary(markdown: string): GlossaryTerm[] {
    const lines = markdown.split('\n');
    const headerIndex = lines.findIndex(
        (l) => l.trim().startsWith('|') && cells(l).join('|') === HEADER.join('|')
    );
    if (headerIndex < 0) throw new Error(`${GLOSSARY_FILE}: no table with the columns ${HEADER.join(' | ')}`);
    const terms: GlossaryTerm[] = [];
    for (let i = headerIndex + 2; i < lines.length && lines[i].trim().startsWith('|'); i++) {
        const row = cells(lines[i]);
        if (row.length !== HEADER.length) {
            throw new Error(`${GLOSSARY_FILE}:${i + 1}: ${row.length} cells, expected ${HEADER.length}`);
        }
        const [english, chinese, from, definition, definitionZh, not, label] = row;
        terms.push({
            english,
            chinese,
            from,
            definition,
            definitionZh,
            forbidden: backticked(not),
            labels: backticked(label),
            line: i + 1
        });
    }
    return terms;
}

export function readGlossary(): GlossaryTerm[] {
    return parseGlossary(fs.readFileSync(path.join(repoRoot, GLOSSARY_FILE), 'utf8'));
}

/** A forbidden variant with the term to use instead. */
export interface ForbiddenVariant {
    readonly variant: string;
    readonly term: GlossaryTerm;
}

export function forbiddenVariants(terms: readonly GlossaryTerm[]): ForbiddenVariant[] {
    return terms.flatMap((term) => term.forbidden.map((variant) => ({ variant, term })));
}
