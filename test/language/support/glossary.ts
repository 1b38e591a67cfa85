import * as fs from 'node:fs';
import * as path from 'node:path';
import { repoRoot } from '../../metadata/support/repo';
import { backticked, tablesOf } from './markdownTables';

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

/** Parses the glossary table; throws with the line number when a row does not fit the header. */
export function parseGlossary(markdown: string): GlossaryTerm[] {
    const table = tablesOf(markdown).find((t) => t.header === HEADER.join('|'));
    if (!table) throw new Error(`${GLOSSARY_FILE}: no table with the columns ${HEADER.join(' | ')}`);
    return table.rows.map(({ cells, line }) => {
        if (cells.length !== HEADER.length) {
            throw new Error(`${GLOSSARY_FILE}:${line}: ${cells.length} cells, expected ${HEADER.length}`);
        }
        const [english, chinese, from, definition, definitionZh, not, label] = cells;
        return {
            english,
            chinese,
            from,
            definition,
            definitionZh,
            forbidden: backticked(not),
            labels: backticked(label),
            line
        };
    });
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
