import { readFileSync } from 'node:fs';
import { XMLParser } from 'fast-xml-parser';

/**
 * A parsed metadata element: child elements by name, always as arrays, so a repeated element and a
 * single one read the same way. Text content sits under '#text'.
 */
export type XmlNode = { readonly [name: string]: XmlNode[] | string | undefined };

const parser = new XMLParser({
    ignoreAttributes: true,
    // Values such as "0", "1" or "0.5" must stay the strings Salesforce stores.
    parseTagValue: false,
    trimValues: true,
    isArray: (_name, _path, _isLeaf, isAttribute) => !isAttribute
});

/** Parses a metadata file and returns its root element (the one named after the metadata type). */
export function readMetadataRoot(path: string, rootName: string): XmlNode {
    const doc = parser.parse(readFileSync(path, 'utf8')) as Record<string, XmlNode[]>;
    const root = doc[rootName]?.[0];
    if (root === undefined) {
        throw new Error(`${path}: expected a <${rootName}> root element`);
    }
    return root;
}

export function children(node: XmlNode, name: string): XmlNode[] {
    const value = node[name];
    return Array.isArray(value) ? value : [];
}

/**
 * Text of the first child element `name`, or undefined when absent. An empty element (`<value/>`)
 * reads as ''.
 */
export function textOf(node: XmlNode, name: string): string | undefined {
    const first = children(node, name)[0];
    if (first === undefined) return undefined;
    if (typeof first === 'string') return first;
    const text = first['#text'];
    return typeof text === 'string' ? text : '';
}

export function textsOf(node: XmlNode, name: string): string[] {
    return children(node, name).map((child) => {
        if (typeof child === 'string') return child;
        const text = child['#text'];
        return typeof text === 'string' ? text : '';
    });
}

/** Like textOf, but a missing element is a clear error naming the file's element. */
export function requiredText(node: XmlNode, name: string, where: string): string {
    const text = textOf(node, name);
    if (text === undefined) throw new Error(`${where}: missing <${name}>`);
    return text;
}
