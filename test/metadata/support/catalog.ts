import * as fs from 'node:fs';
import * as path from 'node:path';
import { defaultDir, listFiles } from './repo';
import { XmlElement, childText, childrenNamed, readXml } from './xml';

export interface FieldInfo {
    readonly object: string;
    readonly name: string;
    readonly file: string;
    readonly xml: XmlElement;
    readonly type: string;
    /** Formula or roll-up summary: the platform computes it, so nobody can edit it. */
    readonly calculated: boolean;
    /** The platform requires a value: master-detail, or required="true". */
    readonly required: boolean;
    readonly referenceTo?: string;
    readonly relationshipName?: string;
    readonly picklistValues: readonly { value: string; label: string; isDefault: boolean }[];
}

export const objectsDir = path.join(defaultDir, 'objects');

/** Custom objects defined in the project (folders with an .object-meta.xml). */
export function customObjects(): string[] {
    if (!fs.existsSync(objectsDir)) return [];
    return fs
        .readdirSync(objectsDir)
        .filter((o) => fs.existsSync(path.join(objectsDir, o, `${o}.object-meta.xml`)))
        .sort();
}

function fieldInfo(object: string, file: string): FieldInfo {
    const xml = readXml(file);
    const type = childText(xml, 'type') ?? '';
    const values = childrenNamed(xml, 'valueSet')
        .flatMap((v) => childrenNamed(v, 'valueSetDefinition'))
        .flatMap((d) => childrenNamed(d, 'value'))
        .map((v) => ({
            value: childText(v, 'fullName') ?? '',
            label: childText(v, 'label') ?? '',
            isDefault: childText(v, 'default') === 'true'
        }));
    return {
        object,
        name: childText(xml, 'fullName') ?? path.basename(file, '.field-meta.xml'),
        file,
        xml,
        type,
        calculated: type === 'Summary' || childText(xml, 'formula') !== undefined,
        required: type === 'MasterDetail' || childText(xml, 'required') === 'true',
        referenceTo: childText(xml, 'referenceTo'),
        relationshipName: childText(xml, 'relationshipName'),
        picklistValues: values
    };
}

/** Every custom field in the project (custom objects and standard-object extensions). */
export function customFields(): FieldInfo[] {
    if (!fs.existsSync(objectsDir)) return [];
    return fs
        .readdirSync(objectsDir)
        .sort()
        .flatMap((object) =>
            listFiles(path.join(objectsDir, object, 'fields'), (f) => f.endsWith('.field-meta.xml')).map(
                (f) => fieldInfo(object, f)
            )
        );
}

export function fieldsByObject(): Map<string, Map<string, FieldInfo>> {
    const out = new Map<string, Map<string, FieldInfo>>();
    for (const f of customFields()) {
        if (!out.has(f.object)) out.set(f.object, new Map());
        out.get(f.object)!.set(f.name, f);
    }
    return out;
}
