// Least-privilege access through permission sets only, and a zh_CN translation for everything a
// user reads: field labels and help, validation messages, layout sections, object names.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { customFields, customObjects, objectsDir } from './support/catalog';
import { defaultDir, listFiles } from './support/repo';
import { XmlElement, childText, childrenNamed, readXml } from './support/xml';

const SA = 'Stakeholder_Assessment__c';
const SC = 'C139_Scorecard__c';
const SL = 'Stakeholder_Link__c';
const CS = 'Control_Snapshot__c';
/** Fields automation keeps (a before-save flow, in system context): people only read them. */
const AUTOMATION_ONLY = new Set([`${SL}.Link_Key__c`]);
const permsetDir = path.join(defaultDir, 'permissionsets');
const permset = (name: string) => readXml(path.join(permsetDir, `${name}.permissionset-meta.xml`));
const bool = (el: XmlElement, name: string) => childText(el, name) === 'true';

function objectAccess(ps: XmlElement, object: string): string {
    const perm = childrenNamed(ps, 'objectPermissions').find((p) => childText(p, 'object') === object);
    if (!perm) return '';
    const flags: [string, string][] = [
        ['allowCreate', 'C'],
        ['allowRead', 'R'],
        ['allowEdit', 'E'],
        ['allowDelete', 'D'],
        ['viewAllRecords', 'V'],
        ['modifyAllRecords', 'M']
    ];
    return flags
        .filter(([el]) => bool(perm, el))
        .map(([, f]) => f)
        .join('');
}

function fieldAccess(ps: XmlElement): Map<string, string> {
    return new Map(
        childrenNamed(ps, 'fieldPermissions').map((p) => [
            childText(p, 'field') ?? '',
            `${bool(p, 'readable') ? 'R' : ''}${bool(p, 'editable') ? 'E' : ''}`
        ])
    );
}

describe('permission sets', () => {
    const fields = customFields();
    // The platform rejects field permissions on required and master-detail fields.
    const grantable = fields.filter((f) => !f.required);

    it('are exactly the three Deal Control sets, and no profile is shipped', () => {
        expect(
            listFiles(permsetDir, (f) => f.endsWith('.permissionset-meta.xml')).map((f) => path.basename(f))
        ).toEqual([
            'Deal_Control_Admin.permissionset-meta.xml',
            'Deal_Control_Manager.permissionset-meta.xml',
            'Deal_Control_Rep.permissionset-meta.xml'
        ]);
        expect(fs.existsSync(path.join(defaultDir, 'profiles'))).toBe(false);
    });

    it.each([
        // Reps draw and remove the lines of their own deals' maps (record access follows the Opportunity).
        // Snapshots are history written by the rescore script: reps and managers only read them.
        ['Deal_Control_Rep', { Opportunity: 'R', [SA]: 'CRED', [SC]: 'CRE', [SL]: 'CRED', [CS]: 'R' }],
        ['Deal_Control_Manager', { Opportunity: 'R', [SA]: 'R', [SC]: 'R', [SL]: 'R', [CS]: 'R' }],
        [
            'Deal_Control_Admin',
            { Opportunity: 'R', [SA]: 'CREDVM', [SC]: 'CREDVM', [SL]: 'CREDVM', [CS]: 'CREDVM' }
        ]
    ])('%s grants exactly the intended object access', (name, expected) => {
        const ps = permset(name);
        for (const [object, access] of Object.entries(expected))
            expect(`${object}:${objectAccess(ps, object)}`).toBe(`${object}:${access}`);
        expect(childrenNamed(ps, 'objectPermissions')).toHaveLength(Object.keys(expected).length);
    });

    it.each([
        // Reps save the derived fields from the components but never edit snapshots (history);
        // admins rescore and take snapshots; managers only read.
        ['Deal_Control_Rep', (object: string) => object !== CS],
        ['Deal_Control_Manager', () => false],
        ['Deal_Control_Admin', () => true]
    ])('%s has one correct entry per grantable custom field', (name, edits) => {
        const access = fieldAccess(permset(name));
        const expected = new Map(
            grantable.map((f) => {
                const key = `${f.object}.${f.name}`;
                return [key, edits(f.object) && !f.calculated && !AUTOMATION_ONLY.has(key) ? 'RE' : 'R'];
            })
        );
        expect(access).toEqual(expected);
        for (const f of fields.filter((x) => x.required))
            expect(access.has(`${f.object}.${f.name}`)).toBe(false);
    });

    it('gives API access only to admins (the rescore script), and no set needs a licence or is for guests', () => {
        const apiEnabled = (name: string) =>
            childrenNamed(permset(name), 'userPermissions').some(
                (u) => childText(u, 'name') === 'ApiEnabled' && bool(u, 'enabled')
            );
        expect([
            apiEnabled('Deal_Control_Rep'),
            apiEnabled('Deal_Control_Manager'),
            apiEnabled('Deal_Control_Admin')
        ]).toEqual([false, false, true]);
        for (const name of ['Deal_Control_Rep', 'Deal_Control_Manager', 'Deal_Control_Admin']) {
            expect(childText(permset(name), 'license')).toBeUndefined();
            expect(
                childrenNamed(permset(name), 'userPermissions').map((u) => childText(u, 'name'))
            ).not.toContain('ViewAllData');
        }
    });
});

describe('zh_CN translations', () => {
    const translationDir = (object: string) => path.join(defaultDir, 'objectTranslations', `${object}-zh_CN`);
    const hasCjk = (s: string | undefined) => /[\u4e00-\u9fff]/.test(s ?? '');

    it.each(customFields().map((f) => [`${f.object}.${f.name}`, f]))(
        '%s has a Chinese label and help',
        (_k, f) => {
            const file = path.join(translationDir(f.object), `${f.name}.fieldTranslation-meta.xml`);
            expect(fs.existsSync(file)).toBe(true);
            const xml = readXml(file);
            expect(childText(xml, 'name')).toBe(f.name);
            expect(hasCjk(childText(xml, 'label'))).toBe(true);
            expect((childText(xml, 'label') ?? '').length).toBeLessThanOrEqual(40);
            expect(hasCjk(childText(xml, 'help'))).toBe(true);
            expect(hasCjk(childText(xml, 'relationshipLabel'))).toBe(f.relationshipName !== undefined);
        }
    );

    const filtered = customFields().filter((f) => childrenNamed(f.xml, 'lookupFilter').length > 0);
    it.each(filtered.map((f) => [`${f.object}.${f.name}`, f]))(
        "%s translates its lookup filter's messages",
        (_k, f) => {
            const xml = readXml(path.join(translationDir(f.object), `${f.name}.fieldTranslation-meta.xml`));
            const filter = childrenNamed(xml, 'lookupFilter')[0];
            expect(hasCjk(childText(filter, 'errorMessage'))).toBe(true);
            expect(hasCjk(childText(filter, 'informationalMessage'))).toBe(true);
        }
    );

    it.each(customObjects().map((o) => [o]))(
        '%s has a Chinese object name and name field label',
        (object) => {
            const xml = readXml(
                path.join(translationDir(object), `${object}-zh_CN.objectTranslation-meta.xml`)
            );
            expect(childrenNamed(xml, 'caseValues').map((c) => hasCjk(childText(c, 'value')))).toEqual([
                true
            ]);
            expect(hasCjk(childText(xml, 'nameFieldLabel'))).toBe(true);
        }
    );

    it('translates every validation message', () => {
        for (const object of fs.readdirSync(objectsDir)) {
            const rules = listFiles(path.join(objectsDir, object, 'validationRules'), (f) =>
                f.endsWith('.validationRule-meta.xml')
            ).map((f) => path.basename(f, '.validationRule-meta.xml'));
            if (rules.length === 0) continue;
            const xml = readXml(
                path.join(translationDir(object), `${object}-zh_CN.objectTranslation-meta.xml`)
            );
            const translated = new Map(
                childrenNamed(xml, 'validationRules').map((r) => [
                    childText(r, 'name'),
                    childText(r, 'errorMessage')
                ])
            );
            expect([...translated.keys()].sort()).toEqual(rules.sort());
            for (const message of translated.values()) expect(hasCjk(message)).toBe(true);
        }
    });

    it('translates every section of the Deal Control layouts', () => {
        for (const file of listFiles(path.join(defaultDir, 'layouts'), (f) =>
            f.endsWith('.layout-meta.xml')
        )) {
            const [object, layoutName] = path.basename(file, '.layout-meta.xml').split(/-(.*)/s);
            const sections = childrenNamed(readXml(file), 'layoutSections').map((s) => childText(s, 'label'));
            const xml = readXml(
                path.join(translationDir(object), `${object}-zh_CN.objectTranslation-meta.xml`)
            );
            const layout = childrenNamed(xml, 'layouts').find((l) => childText(l, 'layout') === layoutName);
            expect(layout).toBeDefined();
            const translated = childrenNamed(layout!, 'sections');
            expect(translated.map((s) => childText(s, 'section'))).toEqual(sections);
            for (const s of translated) expect(hasCjk(childText(s, 'label'))).toBe(true);
        }
    });

    it('translates the Assess a stakeholder quick action and the Deal Control app', () => {
        const opp = readXml(
            path.join(translationDir('Opportunity'), 'Opportunity-zh_CN.objectTranslation-meta.xml')
        );
        expect(
            childrenNamed(opp, 'quickActions').map((q) => [childText(q, 'name'), childText(q, 'label')])
        ).toEqual([['Assess_Stakeholder', '评估采购决策者']]);
        const translations = readXml(path.join(defaultDir, 'translations', 'zh_CN.translation-meta.xml'));
        const apps = childrenNamed(translations, 'customApplications').map((a) => childText(a, 'name'));
        const appFiles = listFiles(path.join(defaultDir, 'applications'), (f) =>
            f.endsWith('.app-meta.xml')
        ).map((f) => path.basename(f, '.app-meta.xml'));
        expect(apps.sort()).toEqual(appFiles.sort());
    });

    it('translates nothing that does not exist (the deploy rejects orphan translations)', () => {
        const orphans: string[] = [];
        const exists = (...parts: string[]) => fs.existsSync(path.join(defaultDir, ...parts));
        for (const dir of listFiles(path.join(defaultDir, 'objectTranslations'), (f) =>
            f.endsWith('.objectTranslation-meta.xml')
        )) {
            const object = path.basename(dir, '.objectTranslation-meta.xml').replace(/-zh_CN$/, '');
            const xml = readXml(dir);
            for (const f of listFiles(path.dirname(dir), (x) => x.endsWith('.fieldTranslation-meta.xml'))) {
                const field = path.basename(f, '.fieldTranslation-meta.xml');
                if (!exists('objects', object, 'fields', `${field}.field-meta.xml`))
                    orphans.push(`${object}.${field}`);
            }
            for (const q of childrenNamed(xml, 'quickActions')) {
                const name = childText(q, 'name');
                if (!exists('quickActions', `${object}.${name}.quickAction-meta.xml`))
                    orphans.push(`quick action ${object}.${name}`);
            }
            for (const l of childrenNamed(xml, 'layouts')) {
                const name = childText(l, 'layout');
                if (!exists('layouts', `${object}-${name}.layout-meta.xml`))
                    orphans.push(`layout ${object}-${name}`);
            }
        }
        const translations = readXml(path.join(defaultDir, 'translations', 'zh_CN.translation-meta.xml'));
        for (const a of childrenNamed(translations, 'customApplications')) {
            if (!exists('applications', `${childText(a, 'name')}.app-meta.xml`))
                orphans.push(`app ${childText(a, 'name')}`);
        }
        for (const r of childrenNamed(translations, 'reportTypes')) {
            if (!exists('reportTypes', `${childText(r, 'name')}.reportType-meta.xml`))
                orphans.push(`report type ${childText(r, 'name')}`);
        }
        expect(orphans).toEqual([]);
    });

    it('translates every custom label the project defines', () => {
        const labels = listFiles(defaultDir, (f) => f.endsWith('.labels-meta.xml')).flatMap((f) =>
            childrenNamed(readXml(f), 'labels').map((l) => childText(l, 'fullName'))
        );
        const translations = readXml(path.join(defaultDir, 'translations', 'zh_CN.translation-meta.xml'));
        const translated = childrenNamed(translations, 'customLabels').map((l) => childText(l, 'name'));
        expect(translated.sort()).toEqual(labels.sort());
    });
});
