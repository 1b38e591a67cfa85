// "Assess a stakeholder" must work on a phone. LWC quick actions do not run in the Salesforce mobile
// app, so the quick action is an Aura component that hosts the LWC and closes the action when the
// LWC fires its close event. Aura cannot run outside an org; what can be proven offline is proven
// here: the action points at the wrapper, the wrapper is a quick-action component that passes the
// record Id, every event it listens for is one the LWC fires, and its controller, run against a stub
// of the Aura framework ($A), closes the action (and refreshes the page after a save).
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vm from 'node:vm';
import { defaultDir } from './support/repo';
import { XmlElement, childText, parseXml, readXml, walk } from './support/xml';

const ACTION = path.join(defaultDir, 'quickActions', 'Opportunity.Assess_Stakeholder.quickAction-meta.xml');
const action = readXml(ACTION);
const wrapperName = (childText(action, 'lightningComponent') ?? '').replace(/^c:/, '');
const bundleDir = path.join(defaultDir, 'aura', wrapperName);
const bundleFile = (suffix: string) => path.join(bundleDir, `${wrapperName}${suffix}`);
const read = (file: string) => fs.readFileSync(file, 'utf8');

/** The Aura markup, parsed as XML (comments dropped); `{!…}` expressions stay attribute text. */
const markup = (): XmlElement => parseXml(read(bundleFile('.cmp')), bundleFile('.cmp'));

/** Child components the wrapper hosts from the default namespace, e.g. c:stakeholderQuickAssess. */
const hostedComponents = (): XmlElement[] => [...walk(markup())].filter((el) => el.name.startsWith('c:'));

const lwcName = (tag: string) => tag.slice(2);
const lwcSource = (name: string) => read(path.join(defaultDir, 'lwc', name, `${name}.ts`));

interface FiredEvent {
    readonly name: string;
}

/** Runs the controller file as the Aura framework does (one object literal) with a stub $A. */
function loadController(): { controller: Record<string, (...args: unknown[]) => void>; fired: FiredEvent[] } {
    const fired: FiredEvent[] = [];
    const $A = {
        get: (name: string) => ({
            fire: () => {
                fired.push({ name });
            }
        })
    };
    const source = read(bundleFile('Controller.js'));
    const controller = vm.runInNewContext(source, { $A }) as Record<string, (...args: unknown[]) => void>;
    return { controller, fired };
}

const lwcEvent = (detail: Record<string, unknown>) => ({ getParam: (name: string) => detail[name] });

describe('the Assess a stakeholder quick action on phones', () => {
    it('is an Aura (LightningComponent) action, which the Salesforce mobile app runs, not an LWC action', () => {
        expect(childText(action, 'type')).toBe('LightningComponent');
        expect(childText(action, 'lightningComponent')).toBe('c:stakeholderQuickAssessAction');
        expect(childText(action, 'lightningWebComponent')).toBeUndefined();
        expect(childText(action, 'actionSubtype')).toBeUndefined();
    });

    it('has a complete Aura bundle: markup, controller and metadata at the project API version', () => {
        for (const suffix of ['.cmp', 'Controller.js', '.cmp-meta.xml'])
            expect(fs.existsSync(bundleFile(suffix))).toBe(true);
        const meta = readXml(bundleFile('.cmp-meta.xml'));
        expect(meta.name).toBe('AuraDefinitionBundle');
        const lwcMeta = readXml(
            path.join(defaultDir, 'lwc', 'stakeholderQuickAssess', 'stakeholderQuickAssess.js-meta.xml')
        );
        expect(childText(meta, 'apiVersion')).toBe(childText(lwcMeta, 'apiVersion'));
    });

    it('implements the quick-action interface without a header (the LWC has its own heading) and gets the record Id', () => {
        const root = markup();
        expect(root.name).toBe('aura:component');
        const interfaces = (root.attributes.implements ?? '').split(',').map((s) => s.trim());
        expect(interfaces).toEqual(
            expect.arrayContaining(['force:lightningQuickActionWithoutHeader', 'force:hasRecordId'])
        );
    });

    it('hosts exactly the quick-assess LWC and passes it the Opportunity Id', () => {
        const hosted = hostedComponents();
        expect(hosted.map((c) => c.name)).toEqual(['c:stakeholderQuickAssess']);
        expect(hosted[0].attributes.recordId).toBe('{!v.recordId}');
        expect(lwcSource('stakeholderQuickAssess')).toMatch(/@api recordId\b/);
    });

    it('listens only for events the LWC really fires, each with a controller handler', () => {
        const { controller } = loadController();
        const listeners = hostedComponents().flatMap((c) =>
            Object.entries(c.attributes)
                .filter(([attr]) => /^on[a-z]+$/.test(attr))
                .map(([attr, value]) => ({ component: lwcName(c.name), event: attr.slice(2), value }))
        );
        expect(listeners.map((l) => l.event)).toEqual(['close']);
        for (const { component, event, value } of listeners) {
            expect(lwcSource(component)).toContain(`new CustomEvent('${event}'`);
            const handler = /^\{!c\.(\w+)\}$/.exec(value)?.[1];
            expect(handler).toBeDefined();
            expect(typeof controller[handler!]).toBe('function');
        }
    });

    it('closes the action after a save and refreshes the record page (the roll-ups changed)', () => {
        const { controller, fired } = loadController();
        controller.handleClose({}, lwcEvent({ saved: true }));
        expect(fired.map((e) => e.name)).toEqual(['e.force:closeQuickAction', 'e.force:refreshView']);
    });

    it('closes the action after a cancel without reloading the page', () => {
        const { controller, fired } = loadController();
        controller.handleClose({}, lwcEvent({ saved: false }));
        expect(fired.map((e) => e.name)).toEqual(['e.force:closeQuickAction']);
    });

    it('leaves the LWC as the action body only: not exposed as an LWC quick action of its own', () => {
        const lwcMeta = readXml(
            path.join(defaultDir, 'lwc', 'stakeholderQuickAssess', 'stakeholderQuickAssess.js-meta.xml')
        );
        expect(childText(lwcMeta, 'isExposed')).toBe('false');
        expect([...walk(lwcMeta)].filter((e) => e.name === 'target').map((e) => e.text)).toEqual([]);
        expect(lwcSource('stakeholderQuickAssess')).not.toContain('lightning/actions');
    });
});
