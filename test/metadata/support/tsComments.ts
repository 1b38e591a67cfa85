import * as ts from 'typescript';

/**
 * TypeScript source with every comment blanked out (same length, so positions stay valid). Field
 * names in comments are documentation, often placeholders; only code and strings are references.
 */
export function withoutComments(code: string, fileName = 'source.ts'): string {
    const source = ts.createSourceFile(fileName, code, ts.ScriptTarget.Latest, true);
    const chars = code.split('');
    const blank = (r: ts.CommentRange) => {
        for (let i = r.pos; i < r.end; i++) if (chars[i] !== '\n') chars[i] = ' ';
    };
    const visit = (node: ts.Node): void => {
        ts.getLeadingCommentRanges(code, node.getFullStart())?.forEach(blank);
        ts.getTrailingCommentRanges(code, node.getEnd())?.forEach(blank);
        node.getChildren(source).forEach(visit);
    };
    visit(source);
    return chars.join('');
}
