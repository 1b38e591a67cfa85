// Report builders, list views and filters show fields by label only: two fields of one object with
// the same label (the scorecard once had two "Coach" fields, the rating and the person) become two
// identical columns nobody can tell apart. Every label is distinct per object, in English and in
// each translation.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { customFields, customObjects, objectsDir } from './support/catalog';
import { defaultDir, listFiles } from './support/repo';
import { childText, childrenNamed, readXml } from './support/xml';

interface Labelled {
    readonly object: string;
    readonly field: string;
    readonly label: string;
}

/** Labels used by more than one field of the same object (case and spacing ignored), with the fields. */
function duplicateLabels(entries: readonly Labelled[]): string[] {
    const byKey = new Map<string, Labelled[]>();
    for (const e of entries) {
        const key = `${e.object}\u0000${e.label.trim().toLowerCase().replace(/\s+/g, ' ')}`;
        byKey.set(key, [...(byKey.get(key) ?? []), e]);
    }
    return [...byKey.values()]
        .filter((group) => group.length > 1)
        .map(
            (group) =>
                `${group[0].object}: "${group[0].label}" labels ${group.map((e) => e.field).join(', ')}`
        );
}

/** English labels: every custom field, plus each custom object's name field. */
function englishLabels(): Labelled[] {
    const nameFields = customObjects().map((object) => ({
        object,
        field: 'Name',
        label:
            childText(
                childrenNamed(
                    readXml(path.join(objectsDir, object, `${object}.object-meta.xml`)),
                    'nameField'
                )[0],
                'label'
            ) ?? ''
    }));
    return [
        ...nameFields,
        ...customFields().map((f) => ({
            object: f.object,
            field: f.name,
            label: childText(f.xml, 'label') ?? ''
        }))
    ];
}

/** Translated labels per language folder, e.g. C139_Scorecard__c-zh_CN. */
function translatedLabels(): Map<string, Labelled[]> {
    const out = new Map<string, Labelled[]>();
    const root = path.join(defaultDir, 'objectTranslations');
    for (const dir of fs.existsSync(root) ? fs.readdirSync(root) : []) {
        const [object, language] = dir.split(/-(?=[^-]+$)/);
        const objectFile = path.join(root, dir, `${dir}.objectTranslation-meta.xml`);
        const entries: Labelled[] = fs.existsSync(objectFile)
            ? [
                  { object, field: 'Name', label: childText(readXml(objectFile), 'nameFieldLabel') ?? '' }
              ].filter((e) => e.label)
            : [];
        for (const file of listFiles(path.join(root, dir), (f) => f.endsWith('.fieldTranslation-meta.xml'))) {
            const xml = readXml(file);
            entries.push({
                object,
                field: childText(xml, 'name') ?? path.basename(file),
                label: childText(xml, 'label') ?? ''
            });
        }
        out.set(language, [...(out.get(language) ?? []), ...entries]);
    }
    return out;
}

describe('field labels', () => {
    it('are distinct within each object in English', () => {
        expect(duplicateLabels(englishLabels())).toEqual([]);
    });

    it('are distinct within each object in every translation', () => {
        const languages = translatedLabels();
        expect([...languages.keys()]).toContain('zh_CN');
        for (const [language, entries] of languages)
            expect({ language, duplicates: duplicateLabels(entries) }).toEqual({ language, duplicates: [] });
    });

    it('name the scorecard’s coach person apart from the coach rating, in English and Chinese', () => {
        const label = (field: string) =>
            customFields().find((f) => f.object === 'C139_Scorecard__c' && f.name === field);
        expect(childText(label('Coach__c')!.xml, 'label')).toBe('Coach');
        expect(childText(label('Coach_Stakeholder__c')!.xml, 'label')).toBe('Coach (person)');
        const zh = translatedLabels()
            .get('zh_CN')!
            .filter((e) => e.object === 'C139_Scorecard__c' && e.field.startsWith('Coach'));
        expect(Object.fromEntries(zh.map((e) => [e.field, e.label]))).toMatchObject({
            Coach__c: '教练',
            Coach_Stakeholder__c: '教练（人员）'
        });
    });

    it('are checked: two fields labelled "Coach" on one object are reported, the same label on two objects is not', () => {
        expect(
            duplicateLabels([
                { object: 'C139_Scorecard__c', field: 'Coach__c', label: 'Coach' },
                { object: 'C139_Scorecard__c', field: 'Coach_Stakeholder__c', label: 'coach ' },
                { object: 'Stakeholder_Assessment__c', field: 'Coach__c', label: 'Coach' }
            ])
        ).toEqual(['C139_Scorecard__c: "Coach" labels Coach__c, Coach_Stakeholder__c']);
    });
});
