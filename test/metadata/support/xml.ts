import * as fs from 'node:fs';
import { XMLParser, XMLValidator } from 'fast-xml-parser';

/** One XML element with its children in document order (order matters for repeated elements). */
export interface XmlElement {
    readonly name: string;
    readonly attributes: Readonly<Record<string, string>>;
    readonly children: readonly XmlElement[];
    /** Concatenated, trimmed text content of this element (not of its children). */
    readonly text: string;
}

type OrderedNode = Record<string, unknown>;

const parser = new XMLParser({
    preserveOrder: true,
    ignoreAttributes: false,
    attributeNamePrefix: '',
    parseTagValue: false,
    parseAttributeValue: false,
    trimValues: true,
    processEntities: true,
    ignoreDeclaration: true,
    ignorePiTags: true
});

function toElement(node: OrderedNode): XmlElement | null {
    const name = Object.keys(node).find((k) => k !== ':@');
    if (!name || name === '#text' || name.startsWith('?')) return null;
    const rawChildren = (node[name] as OrderedNode[]) ?? [];
    const children: XmlElement[] = [];
    const texts: string[] = [];
    for (const child of rawChildren) {
        if ('#text' in child) texts.push(String(child['#text']));
        else {
            const el = toElement(child);
            if (el) children.push(el);
        }
    }
    const attributes = (node[':@'] as Record<string, string> | undefined) ?? {};
    return { name, attributes, children, text: texts.join('').trim() };
}

/** Parses XML text; throws with the parser's line and message when it is not well-formed. */
export function parseXml(xml: string, source = 'XML'): XmlElement {
    const valid = XMLValidator.validate(xml);
    if (valid !== true) {
        throw new Error(`${source} is not well-formed XML: ${valid.err.msg} (line ${valid.err.line})`);
    }
    const root = (parser.parse(xml) as OrderedNode[]).map(toElement).find((e): e is XmlElement => e !== null);
    if (!root) throw new Error(`${source} has no root element`);
    return root;
}

export function readXml(file: string): XmlElement {
    return parseXml(fs.readFileSync(file, 'utf8'), file);
}

export function childrenNamed(el: XmlElement, name: string): XmlElement[] {
    return el.children.filter((c) => c.name === name);
}

export function childText(el: XmlElement, name: string): string | undefined {
    return el.children.find((c) => c.name === name)?.text;
}

/** Every element of the tree, depth first. */
export function* walk(el: XmlElement): Generator<XmlElement> {
    yield el;
    for (const c of el.children) yield* walk(c);
}
