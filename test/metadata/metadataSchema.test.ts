// Every source-format metadata file under force-app is checked against Salesforce's Metadata API
// schema (the v66 WSDL beside the repository): element names allowed by the root type (inherited
// elements included), enumeration values, booleans and numbers. Element order is not checked: the
// Metadata API does not require the schema's alphabetical order.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { metadataTypeOf } from './support/metadataTypes';
import { forceAppDir, listFiles, rel } from './support/repo';
import { WSDL_ENV, WSDL_RELATIVE, findWsdl, metadataSchema } from './support/schemaFixture';
import { allowedElements, validateElement } from './support/wsdlSchema';
import { parseXml, readXml } from './support/xml';

const metaFiles = listFiles(forceAppDir, (f) => f.endsWith('-meta.xml'));
// Loaded inside each test: without the WSDL every schema test fails with where it looked.
const schema = () => metadataSchema();

describe('metadata files against the Metadata API schema', () => {
    it('finds the project metadata to check', () => {
        const names = metaFiles.map((f) => path.basename(f));
        expect(names).toEqual(
            expect.arrayContaining([
                'Stakeholder_Assessment__c.object-meta.xml',
                'C139_Scorecard__c.object-meta.xml',
                'Control_Snapshot__c.object-meta.xml',
                'Deal_Control_Rep.permissionset-meta.xml',
                'zh_CN.translation-meta.xml'
            ])
        );
    });

    it('knows the metadata type of every -meta.xml file (an unknown suffix must be added to the map)', () => {
        const unknown = metaFiles.filter((f) => metadataTypeOf(f) === undefined).map(rel);
        expect(unknown).toEqual([]);
    });

    it.each(metaFiles.map((f) => [rel(f), f]))('%s is valid for its type', (_name, file) => {
        const type = metadataTypeOf(file);
        if (!type) throw new Error(`No metadata type for ${file}`);
        const root = readXml(file);
        expect(root.name).toBe(type);
        expect(root.attributes.xmlns).toBe('http://soap.sforce.com/2006/04/metadata');
        expect(validateElement(schema(), root, type)).toEqual([]);
    });
});

describe('finding the schema', () => {
    it('fails, naming every place it looked, when the WSDL is nowhere (it never passes silently)', () => {
        const nowhere = fs.mkdtempSync(path.join(os.tmpdir(), 'no-wsdl-'));
        try {
            const checkout = path.join(nowhere, 'a', 'checkout');
            expect(() => findWsdl({}, checkout)).toThrow(/Metadata API WSDL \(v66\) was not found/);
            expect(() => findWsdl({}, checkout)).toThrow(path.join(nowhere, 'a', WSDL_RELATIVE));
            expect(() => findWsdl({ [WSDL_ENV]: path.join(nowhere, 'missing.wsdl') }, checkout)).toThrow(
                /no file there/
            );
        } finally {
            fs.rmSync(nowhere, { recursive: true, force: true });
        }
    });

    it('finds the WSDL beside a parent folder of a worktree, or where the variable points', () => {
        const root = fs.mkdtempSync(path.join(os.tmpdir(), 'wsdl-'));
        try {
            const wsdl = path.join(root, WSDL_RELATIVE);
            fs.mkdirSync(path.dirname(wsdl), { recursive: true });
            fs.writeFileSync(wsdl, '<definitions/>');
            expect(findWsdl({}, path.join(root, 'main'))).toBe(wsdl);
            expect(findWsdl({}, path.join(root, 'wt', 'i10'))).toBe(wsdl);
            expect(findWsdl({ [WSDL_ENV]: wsdl }, '/elsewhere/checkout')).toBe(wsdl);
        } finally {
            fs.rmSync(root, { recursive: true, force: true });
        }
    });
});

describe('the schema validator itself', () => {
    const field = (body: string) =>
        parseXml(`<CustomField xmlns="http://soap.sforce.com/2006/04/metadata">${body}</CustomField>`);

    it('accepts a valid field, including fullName inherited from Metadata', () => {
        const el = field(
            '<fullName>X__c</fullName><label>X</label><length>10</length><required>false</required><type>Text</type>'
        );
        expect(validateElement(schema(), el, 'CustomField')).toEqual([]);
        expect(allowedElements(schema(), 'CustomField').get('fullName')).toBe('xsd:string');
    });

    it('rejects a misspelled element', () => {
        const violations = validateElement(
            schema(),
            field('<lable>X</lable><type>Text</type>'),
            'CustomField'
        );
        expect(violations).toEqual([
            { path: 'CustomField/lable', message: '<lable> is not an element of CustomField' }
        ]);
    });

    it('rejects a value outside an enumeration', () => {
        const violations = validateElement(schema(), field('<type>Txt</type>'), 'CustomField');
        expect(violations).toHaveLength(1);
        expect(violations[0].path).toBe('CustomField/type');
        expect(violations[0].message).toMatch(/^"Txt" is not a FieldType/);
    });

    it('rejects a non-boolean and a non-number', () => {
        const violations = validateElement(
            schema(),
            field('<required>yes</required><length>ten</length>'),
            'CustomField'
        );
        expect(violations).toEqual([
            { path: 'CustomField/required', message: '"yes" is not a valid xsd:boolean' },
            { path: 'CustomField/length', message: '"ten" is not a valid xsd:int' }
        ]);
    });

    it('checks nested complex types (a picklist value inside a value set)', () => {
        const el = field(
            '<valueSet><restricted>maybe</restricted><valueSetDefinition><value><fullName>A</fullName>' +
                '<colour>red</colour></value></valueSetDefinition></valueSet>'
        );
        expect(validateElement(schema(), el, 'CustomField').map((v) => v.path)).toEqual([
            'CustomField/valueSet/restricted',
            'CustomField/valueSet/valueSetDefinition/value/colour'
        ]);
    });

    it('treats LightningComponentBundle.targetConfigs as nested XML, not base64', () => {
        const bundle = parseXml(
            '<LightningComponentBundle xmlns="http://soap.sforce.com/2006/04/metadata"><apiVersion>66.0</apiVersion>' +
                '<targetConfigs><targetConfig targets="lightning__RecordPage"><objects><object>Opportunity</object>' +
                '</objects></targetConfig></targetConfigs><isExposed>nope</isExposed></LightningComponentBundle>'
        );
        expect(validateElement(schema(), bundle, 'LightningComponentBundle')).toEqual([
            { path: 'LightningComponentBundle/isExposed', message: '"nope" is not a valid xsd:boolean' }
        ]);
    });

    it('reports malformed XML with its location', () => {
        expect(() => parseXml('<CustomField><label>X</CustomField>', 'broken.xml')).toThrow(
            /broken\.xml is not well-formed XML/
        );
    });
});
