// What an admin must know before installing, in docs/admin.md, and the facts behind each statement
// checked against the metadata, so the guide cannot drift from what ships: roll-ups save the parent
// Opportunity (org automation can block child saves), reps need Edit on the Opportunity from their
// profile, and a short "Before you install" checklist.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { customFields } from './support/catalog';
import { defaultDir, listFiles, repoRoot } from './support/repo';
import { childText, childrenNamed, readXml } from './support/xml';

const guide = fs.readFileSync(path.join(repoRoot, 'docs', 'admin.md'), 'utf8');

/** The text of a `## Heading` section, up to the next heading of the same level. */
function section(markdown: string, heading: string): string {
    const start = markdown.indexOf(`\n## ${heading}\n`);
    if (start < 0) return '';
    const rest = markdown.slice(start + heading.length + 5);
    const end = rest.search(/\n## /);
    return end < 0 ? rest : rest.slice(0, end);
}

const squash = (text: string) => text.replace(/\s+/g, ' ');
const NUMBER_WORDS = ['no', 'one', 'two', 'three', 'four', 'five', 'six'];
const checklist = () =>
    squash(section(guide, 'Before you install'))
        .split(/ - \[ \] /)
        .slice(1);

describe('docs/admin.md before you install', () => {
    it('has a short checklist', () => {
        expect(checklist().length).toBeGreaterThanOrEqual(4);
        expect(checklist().length).toBeLessThanOrEqual(8);
    });

    it.each([
        ['Translation Workbench with Chinese', /Translation Workbench.*Chinese \(Simplified\)/],
        ['reps’ Edit on Opportunity', /Read and Edit on Opportunity/],
        ['Opportunity automation that can block roll-ups', /validation rules.*flows.*approval/],
        [
            'a real deploy rather than validate-only',
            /sf project deploy start.*check-only.*report types.*invalid report type/
        ]
    ])('covers %s', (_what, pattern) => {
        expect(checklist().filter((item) => pattern.test(item))).toHaveLength(1);
    });

    it('names the flow to activate by its real label', () => {
        const flow = readXml(
            path.join(defaultDir, 'flows', 'C139_Scorecard_Set_Opportunity_Key.flow-meta.xml')
        );
        expect(checklist().join(' ')).toContain(`activate **${childText(flow, 'label')}**`);
    });

    it('states the Opportunity roll-up count that ships', () => {
        const rollups = customFields().filter(
            (f) => f.object === 'Opportunity' && f.type === 'Summary'
        ).length;
        expect(checklist().join(' ')).toContain(`adds ${rollups} roll-up summary fields to Opportunity`);
    });

    it('warns about validate-only only because report types do ship with reports that use them', () => {
        const reportTypes = listFiles(path.join(defaultDir, 'reportTypes'), (f) =>
            f.endsWith('.reportType-meta.xml')
        ).map((f) => path.basename(f, '.reportType-meta.xml'));
        const used = listFiles(path.join(defaultDir, 'reports'), (f) => f.endsWith('.report-meta.xml')).map(
            (f) => childText(readXml(f), 'reportType')
        );
        expect(
            reportTypes.filter((t) => used.includes(`${t}__c`) || used.includes(t)).length
        ).toBeGreaterThan(0);
    });
});

describe('docs/admin.md on roll-ups and Opportunity access', () => {
    it('says a roll-up recalculation saves the parent Opportunity, and what that lets block a save', () => {
        const text = squash(section(guide, 'Roll-ups save the Opportunity'));
        expect(text).toMatch(/saves the parent Opportunity/);
        expect(text).toMatch(/validation rules on Opportunity/);
        expect(text).toMatch(/record-triggered flows and triggers on Opportunity/);
        expect(text).toMatch(/approval processes that lock the Opportunity/);
        expect(text).toMatch(/rescore script/);
    });

    it('is right that the children are roll-up sources on master-detail fields to Opportunity', () => {
        const summarized = customFields()
            .filter((f) => f.object === 'Opportunity' && f.type === 'Summary')
            .map((f) => (childText(f.xml, 'summaryForeignKey') ?? '').split('.')[0]);
        expect([...new Set(summarized)].sort()).toEqual(['C139_Scorecard__c', 'Stakeholder_Assessment__c']);
    });

    it('says reps need Edit on the Opportunity from their profile, which is what the metadata implies', () => {
        const text = squash(section(guide, 'Opportunity access: reps need Edit'));
        expect(text).toMatch(/`writeRequiresMasterRead` false/);
        expect(text).toMatch(/Edit access to its Opportunity/);
        expect(text).toMatch(/from the reps' profile/);
        const masters = customFields().filter(
            (f) => f.type === 'MasterDetail' && f.referenceTo === 'Opportunity'
        );
        expect(
            masters.map((f) => `${f.object}:${childText(f.xml, 'writeRequiresMasterRead')}`).sort()
        ).toEqual([
            'C139_Scorecard__c:false',
            // Snapshots are history the rescore script writes: Read on the deal is enough (see the guide).
            'Control_Snapshot__c:true',
            'Stakeholder_Assessment__c:false',
            'Stakeholder_Link__c:false'
        ]);
        expect(text).toMatch(/Control snapshots .*`writeRequiresMasterRead` true/);
        // The guide counts the children; the count is the metadata's, so a fifth child makes it wrong.
        const needEdit = masters.filter((f) => childText(f.xml, 'writeRequiresMasterRead') === 'false');
        expect(text).toContain(
            `${NUMBER_WORDS[needEdit.length]} of the ${NUMBER_WORDS[masters.length]} master-detail children of Opportunity, have \`writeRequiresMasterRead\` false`
        );
        const rep = readXml(
            path.join(defaultDir, 'permissionsets', 'Deal_Control_Rep.permissionset-meta.xml')
        );
        const opportunity = childrenNamed(rep, 'objectPermissions').find(
            (p) => childText(p, 'object') === 'Opportunity'
        )!;
        expect([childText(opportunity, 'allowRead'), childText(opportunity, 'allowEdit')]).toEqual([
            'true',
            'false'
        ]);
    });
});

describe('the guides say exactly where a rep taps on a phone', () => {
    const reps = fs.readFileSync(path.join(repoRoot, 'docs', 'reps.md'), 'utf8');
    const readme = fs.readFileSync(path.join(repoRoot, 'README.md'), 'utf8');
    const action = readXml(
        path.join(defaultDir, 'quickActions', 'Opportunity.Assess_Stakeholder.quickAction-meta.xml')
    );
    const label = childText(action, 'label')!;

    it('in the reps’ guide: the action bar of the record in the Salesforce mobile app, or More first', () => {
        const phone = squash(reps).match(
            /\*\*On a phone \(Salesforce mobile app\):\*\*[^*]*\*\*[^*]+\*\*[^*]*\*\*More\*\*/
        );
        expect(phone?.[0]).toMatch(new RegExp(`tap \\*\\*${label}\\*\\* in the action bar`, 'i'));
    });

    it('in the README, for reps and for admins', () => {
        expect(squash(readme)).toMatch(
            new RegExp(`tap \\*\\*${label}\\*\\* in the record's action bar`, 'i')
        );
        expect(squash(readme)).toMatch(/Salesforce Mobile and Lightning Experience Actions/);
    });

    it('in the admin guide: where to place the action so phones show it', () => {
        expect(squash(guide)).toMatch(
            /drag \*\*Assess a stakeholder\*\* into \*\*Salesforce Mobile and Lightning Experience Actions\*\*/
        );
    });
});
