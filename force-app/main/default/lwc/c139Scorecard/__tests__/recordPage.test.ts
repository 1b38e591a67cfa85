// The shipped Opportunity record page (flexipages/Deal_Control_Opportunity), tested here so the
// TypeScript project type-checks the test. What it holds and what it must not do. The Metadata API
// schema check (test/metadata) covers element names and enumerations; this covers the wiring a
// schema cannot see: facets that exist, components that exist and may sit on this page, activation.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { XMLParser } from 'fast-xml-parser';

const defaultDir = path.resolve(__dirname, '../../..');
const pageFile = path.join(defaultDir, 'flexipages', 'Deal_Control_Opportunity.flexipage-meta.xml');

const REPEATED = new Set([
    'flexiPageRegions',
    'itemInstances',
    'componentInstanceProperties',
    'target',
    'object'
]);
const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '@',
    parseTagValue: false,
    isArray: (name) => REPEATED.has(name) || name === 'supportedFormFactor' || name === 'actionOverrides'
});

interface Property {
    name: string;
    value?: string;
}
interface ComponentInstance {
    componentName: string;
    identifier?: string;
    componentInstanceProperties?: Property[];
}
interface Region {
    name: string;
    type: string;
    itemInstances?: Array<{ componentInstance?: ComponentInstance }>;
}

const page = parser.parse(fs.readFileSync(pageFile, 'utf8')).FlexiPage as {
    flexiPageRegions: Region[];
    sobjectType: string;
    type: string;
    template: { name: string };
    masterLabel: string;
};

const regionsByName = new Map(page.flexiPageRegions.map((r) => [r.name, r]));
const componentsOf = (region: Region): ComponentInstance[] =>
    (region.itemInstances ?? []).map((i) => i.componentInstance).filter((c): c is ComponentInstance => !!c);
const propertyOf = (component: ComponentInstance, name: string): string | undefined =>
    component.componentInstanceProperties?.find((p) => p.name === name)?.value;
const allComponents = page.flexiPageRegions.flatMap(componentsOf);
const tabs = allComponents.filter((c) => c.componentName === 'flexipage:tab');

describe('the Deal_Control_Opportunity record page', () => {
    it('is an Opportunity record page on the standard desktop record template', () => {
        expect(page.type).toBe('RecordPage');
        expect(page.sobjectType).toBe('Opportunity');
        expect(page.template.name).toBe('flexipage:recordHomeTemplateDesktop');
        expect(page.masterLabel).toBe('Deal Control Opportunity');
    });

    it('opens on a "Deal Control" tab holding the stakeholder grid, the political map, then the C139 scorecard', () => {
        const dealTab = tabs.find((t) => propertyOf(t, 'title') === 'Deal Control')!;
        expect(dealTab).toBeDefined();
        expect(propertyOf(dealTab, 'active')).toBe('true');
        expect(tabs.filter((t) => propertyOf(t, 'active') === 'true')).toHaveLength(1);
        const body = regionsByName.get(propertyOf(dealTab, 'body')!)!;
        expect(body.type).toBe('Facet');
        expect(componentsOf(body).map((c) => c.componentName)).toEqual([
            'stakeholderGrid',
            'stakeholderMap',
            'c139Scorecard'
        ]);
    });

    it('references only facets that exist, and every facet is used once', () => {
        const referenced = allComponents.flatMap((c) =>
            (c.componentInstanceProperties ?? [])
                .filter((p) => p.name === 'body' || p.name === 'tabs')
                .map((p) => p.value!)
        );
        const facets = page.flexiPageRegions.filter((r) => r.type === 'Facet').map((r) => r.name);
        expect([...referenced].sort()).toEqual([...facets].sort());
    });

    it('gives every component instance a unique identifier', () => {
        const ids = allComponents.map((c) => c.identifier);
        expect(ids.every((id) => typeof id === 'string' && id !== '')).toBe(true);
        expect(new Set(ids).size).toBe(ids.length);
    });

    // Custom components are named without a namespace prefix, as retrieved from an org without one.
    const customComponents = allComponents.map((c) => c.componentName).filter((name) => !name.includes(':'));

    it.each(customComponents)(
        '%s exists and is exposed on Opportunity record pages for desktop and phone',
        (name) => {
            const metaFile = path.join(defaultDir, 'lwc', name, `${name}.js-meta.xml`);
            expect(fs.existsSync(metaFile)).toBe(true);
            const bundle = parser.parse(fs.readFileSync(metaFile, 'utf8')).LightningComponentBundle;
            expect(bundle.isExposed).toBe('true');
            expect(bundle.targets.target).toContain('lightning__RecordPage');
            const config = bundle.targetConfigs.targetConfig as
                Array<{ '@targets': string }> | { '@targets': string } as unknown;
            const configs = (Array.isArray(config) ? config : [config]) as Array<{
                '@targets': string;
                objects?: { object: string[] };
                supportedFormFactors?: { supportedFormFactor: Array<{ '@type': string }> };
            }>;
            const recordPage = configs.find((c) =>
                c['@targets'].split(',').includes('lightning__RecordPage')
            )!;
            expect(recordPage.objects?.object).toContain('Opportunity');
            const formFactors = recordPage.supportedFormFactors!.supportedFormFactor.map((f) => f['@type']);
            expect(formFactors).toEqual(expect.arrayContaining(['Large', 'Small']));
        }
    );

    it('ships not activated: no app assigns it as a record page override', () => {
        const appsDir = path.join(defaultDir, 'applications');
        const apps = fs.existsSync(appsDir)
            ? fs.readdirSync(appsDir).filter((f) => f.endsWith('.app-meta.xml'))
            : [];
        const overridingApps = apps.filter((file) => {
            const app =
                parser.parse(fs.readFileSync(path.join(appsDir, file), 'utf8')).CustomApplication ?? {};
            const overrides = (app.profileActionOverrides ?? []).concat(app.actionOverrides ?? []) as Array<{
                content?: string;
            }>;
            return overrides.some((o) => o.content === 'Deal_Control_Opportunity');
        });
        expect(overridingApps).toEqual([]);
    });
});
