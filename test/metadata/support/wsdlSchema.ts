import { XmlElement, childrenNamed, parseXml } from './xml';

/** A complex type of the Metadata API schema: its own elements and the type it extends. */
interface ComplexType {
    readonly base?: string;
    readonly elements: ReadonlyMap<string, string>;
}

export interface MetadataSchema {
    readonly complexTypes: ReadonlyMap<string, ComplexType>;
    /** Simple types: allowed values, or null when any string is allowed (e.g. a pattern). */
    readonly simpleTypes: ReadonlyMap<string, readonly string[] | null>;
}

export interface Violation {
    /** Element path from the root, e.g. CustomField/valueSet/restricted. */
    readonly path: string;
    readonly message: string;
}

const localName = (qualified: string): string => qualified.slice(qualified.indexOf(':') + 1);

function sequenceElements(sequence: XmlElement | undefined): Map<string, string> {
    const elements = new Map<string, string>();
    for (const el of sequence ? childrenNamed(sequence, 'xsd:element') : []) {
        elements.set(el.attributes.name, el.attributes.type);
    }
    return elements;
}

/** Reads every complex and simple type from the WSDL's embedded XML schema. */
export function loadSchema(wsdlXml: string): MetadataSchema {
    const definitions = parseXml(wsdlXml, 'metadata WSDL');
    const types = childrenNamed(definitions, 'types')[0] ?? childrenNamed(definitions, 'wsdl:types')[0];
    if (!types) throw new Error('The WSDL has no <types> section');
    const complexTypes = new Map<string, ComplexType>();
    const simpleTypes = new Map<string, readonly string[] | null>();
    for (const schema of childrenNamed(types, 'xsd:schema')) {
        for (const type of schema.children) {
            const name = type.attributes.name;
            if (type.name === 'xsd:complexType') {
                const extension = childrenNamed(type, 'xsd:complexContent')
                    .flatMap((c) => childrenNamed(c, 'xsd:extension'))
                    .at(0);
                const holder = extension ?? type;
                complexTypes.set(name, {
                    base: extension ? localName(extension.attributes.base) : undefined,
                    elements: sequenceElements(childrenNamed(holder, 'xsd:sequence')[0])
                });
            } else if (type.name === 'xsd:simpleType') {
                const values = childrenNamed(type, 'xsd:restriction')
                    .flatMap((r) => childrenNamed(r, 'xsd:enumeration'))
                    .map((e) => e.attributes.value);
                simpleTypes.set(name, values.length > 0 ? values : null);
            }
        }
    }
    return { complexTypes, simpleTypes };
}

/** Elements a complex type allows, including those inherited from its extension bases. */
export function allowedElements(schema: MetadataSchema, typeName: string): Map<string, string> {
    const out = new Map<string, string>();
    for (let name: string | undefined = typeName; name; name = schema.complexTypes.get(name)?.base) {
        const type = schema.complexTypes.get(name);
        if (!type) break;
        for (const [k, v] of type.elements) if (!out.has(k)) out.set(k, v);
    }
    return out;
}

const NUMBER = /^[-+]?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?$/;
const PRIMITIVE_CHECKS: Readonly<Record<string, (v: string) => boolean>> = {
    boolean: (v) => v === 'true' || v === 'false',
    int: (v) => /^[-+]?\d+$/.test(v),
    long: (v) => /^[-+]?\d+$/.test(v),
    double: (v) => NUMBER.test(v),
    date: (v) => /^\d{4}-\d{2}-\d{2}$/.test(v),
    dateTime: (v) => /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[-+]\d{2}:\d{2})?$/.test(v),
    time: (v) => /^\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z)?$/.test(v)
};

/**
 * Elements whose schema type differs from what source files contain. The WSDL types
 * LightningComponentBundle.targetConfigs as base64 (the API transports it encoded), but in a
 * .js-meta.xml it is nested XML; its content is checked by the LWC compiler, not here.
 */
const OPAQUE_ELEMENTS: ReadonlySet<string> = new Set(['LightningComponentBundle/targetConfigs']);

function checkValue(
    schema: MetadataSchema,
    el: XmlElement,
    type: string,
    path: string,
    ownerType: string
): Violation[] {
    const [prefix, name] = type.includes(':') ? type.split(':') : ['tns', type];
    if (OPAQUE_ELEMENTS.has(`${ownerType}/${el.name}`)) return [];
    if (prefix === 'xsd') {
        if (el.children.length > 0) {
            return [
                { path, message: `expects a ${name} value, found child element <${el.children[0].name}>` }
            ];
        }
        const check = PRIMITIVE_CHECKS[name];
        return check && !check(el.text) ? [{ path, message: `"${el.text}" is not a valid xsd:${name}` }] : [];
    }
    if (schema.simpleTypes.has(name)) {
        const allowed = schema.simpleTypes.get(name);
        if (el.children.length > 0)
            return [{ path, message: `${name} is a simple value, found child elements` }];
        return allowed && !allowed.includes(el.text)
            ? [{ path, message: `"${el.text}" is not a ${name} (allowed: ${allowed.join(', ')})` }]
            : [];
    }
    if (schema.complexTypes.has(name)) return validateElement(schema, el, name, path);
    return [{ path, message: `the schema has no type ${type}` }];
}

/** Checks an element's children against a complex type, recursively. Element order is not checked. */
export function validateElement(
    schema: MetadataSchema,
    el: XmlElement,
    typeName: string,
    path: string = el.name
): Violation[] {
    if (!schema.complexTypes.has(typeName)) return [{ path, message: `the schema has no type ${typeName}` }];
    const allowed = allowedElements(schema, typeName);
    const violations: Violation[] = [];
    if (el.text !== '' && el.children.length === 0 && allowed.size > 0) {
        violations.push({ path, message: `${typeName} expects child elements, found text "${el.text}"` });
    }
    for (const child of el.children) {
        const childPath = `${path}/${child.name}`;
        const childType = allowed.get(child.name);
        if (!childType) {
            violations.push({ path: childPath, message: `<${child.name}> is not an element of ${typeName}` });
            continue;
        }
        violations.push(...checkValue(schema, child, childType, childPath, typeName));
    }
    return violations;
}
