/** Markdown tables as the language tests read them: header and rows split into trimmed cells. */
export interface MarkdownRow {
    readonly cells: string[];
    /** 1-based line of the row, for messages. */
    readonly line: number;
}

export interface MarkdownTable {
    /** The header cells joined with "|", e.g. "Code|Raised when". */
    readonly header: string;
    readonly rows: MarkdownRow[];
}

function cellsOf(line: string): string[] {
    return line
        .trim()
        .replace(/^\||\|$/g, '')
        .split('|')
        .map((c) => c.trim());
}

export function tablesOf(markdown: string): MarkdownTable[] {
    const lines = markdown.split('\n');
    const tables: MarkdownTable[] = [];
    for (let i = 0; i < lines.length; i++) {
        if (!lines[i].trim().startsWith('|') || !/^\|[\s:|-]+\|$/.test((lines[i + 1] ?? '').trim())) continue;
        const rows: MarkdownRow[] = [];
        let j = i + 2;
        for (; j < lines.length && lines[j].trim().startsWith('|'); j++)
            rows.push({ cells: cellsOf(lines[j]), line: j + 1 });
        tables.push({ header: cellsOf(lines[i]).join('|'), rows });
        i = j;
    }
    return tables;
}

/** The `code spans` of a cell, in order. */
export function backticked(cell: string): string[] {
    return [...cell.matchAll(/`([^`]+)`/g)].map((m) => m[1]);
}
