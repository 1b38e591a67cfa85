// Contract v1: the restricted picklists in metadata are exactly the model's values, in the model's
// order, with the model's English labels; their zh_CN translations are the model's Chinese labels.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { PICKLIST_FIELDS, PICKLIST_VALUES, awaitsMetadata } from 'c/dealControlModel';
import { customFields, fieldsByObject } from './support/catalog';
import { defaultDir } from './support/repo';
import { childText, childrenNamed, readXml } from './support/xml';

const MODEL_OBJECTS = ['Stakeholder_Assessment__c', 'C139_Scorecard__c', 'Stakeholder_Link__c'];
const fields = fieldsByObject();
// Picklists of contract v1.1 whose metadata is still to come are checked by awaitingMetadata.test.ts.
const DEPLOYED = PICKLIST_FIELDS.filter((d) => !awaitsMetadata(d.object, d.field));

describe('picklist values: metadata equals the model', () => {
    it.each(DEPLOYED.map((d) => [`${d.object}.${d.field}`, d]))('%s', (key, def) => {
        const field = fields.get(def.object)?.get(def.field);
        expect(field).toBeDefined();
        expect(field!.type).toBe(def.multiSelect ? 'MultiselectPicklist' : 'Picklist');
        const valueSet = childrenNamed(field!.xml, 'valueSet')[0];
        expect(childText(valueSet, 'restricted')).toBe('true');
        expect(field!.picklistValues.map((v) => v.value)).toEqual(PICKLIST_VALUES[key]);
        expect(field!.picklistValues.map((v) => v.label)).toEqual(def.values.map((v) => v.label.en));
        // Blank means "not yet known": no value may be preselected.
        expect(field!.picklistValues.filter((v) => v.isDefault)).toEqual([]);
        expect(childText(field!.xml, 'visibleLines')).toBe(def.multiSelect ? '4' : undefined);
        // The user help is the model's help text (the formatter may wrap it across lines).
        expect(childText(field!.xml, 'inlineHelpText')?.replace(/\s+/g, ' ')).toBe(def.help.en);
    });

    it('has no picklist on the model objects that the model does not define', () => {
        const inMetadata = customFields()
            .filter((f) => MODEL_OBJECTS.includes(f.object) && /Picklist$/.test(f.type))
            .map((f) => `${f.object}.${f.name}`)
            .sort();
        expect(inMetadata).toEqual(DEPLOYED.map((d) => `${d.object}.${d.field}`).sort());
    });

    it.each(DEPLOYED.map((d) => [`${d.object}.${d.field}`, d]))(
        '%s is translated to the model Chinese labels',
        (_key, def) => {
            const file = path.join(
                defaultDir,
                'objectTranslations',
                `${def.object}-zh_CN`,
                `${def.field}.fieldTranslation-meta.xml`
            );
            expect(fs.existsSync(file)).toBe(true);
            const xml = readXml(file);
            expect(childText(xml, 'label')).toBe(def.label.zh);
            expect(childText(xml, 'help')).toBe(def.help.zh);
            const translated = childrenNamed(xml, 'picklistValues').map((p) => [
                childText(p, 'masterLabel'),
                childText(p, 'translation')
            ]);
            expect(translated).toEqual(def.values.map((v) => [v.value, v.label.zh]));
        }
    );
});
