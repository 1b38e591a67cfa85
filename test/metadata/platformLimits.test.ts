// The platform-limits table (platformLimits.ts) over every metadata file in force-app, and each of
// its rules against a small broken project that it must reject (and, where a limit is a number, the
// same project exactly at the limit, which it must accept).
import { metadataTypeOf } from './support/metadataTypes';
import { forceAppDir, listFiles } from './support/repo';
import { Finding, LIMIT_RULES, LimitRule, checkProject, loadRepository, projectFrom } from './platformLimits';

const NS = 'http://soap.sforce.com/2006/04/metadata';
const md = (root: string, body: string) =>
    `<?xml version="1.0" encoding="UTF-8"?><${root} xmlns="${NS}">${body}</${root}>`;
const x = (n: number) => 'x'.repeat(n);
const APP = 'force-app/main/default';

const rule = (id: string): LimitRule => {
    const found = LIMIT_RULES.find((r) => r.id === id);
    if (!found) throw new Error(`no rule ${id}`);
    return found;
};
const messages = (findings: readonly Finding[]) => findings.map((f) => f.message);

describe('the limits table', () => {
    it('names a documentation source for every row and says how far it was confirmed', () => {
        const ids = LIMIT_RULES.map((r) => r.id);
        expect(new Set(ids).size).toBe(ids.length);
        for (const r of LIMIT_RULES) {
            expect(`${r.id}: ${r.source}`).toMatch(
                /: .*(Guide|Reference|Help|Article|Tooling API|TOOLCHAIN)/
            );
            expect(['yes', 'partly', 'no']).toContain(r.confirmed);
            expect(r.limit).not.toBe('');
        }
        const unexplained = LIMIT_RULES.filter((r) => r.confirmed !== 'yes' && !r.note?.trim()).map(
            (r) => r.id
        );
        expect(unexplained).toEqual([]);
    });
});

describe('every metadata file in force-app', () => {
    const project = loadRepository();

    it('is read, with its metadata type, and so are the guides and the Aura bundles', () => {
        const files = listFiles(forceAppDir, (f) => f.endsWith('-meta.xml'));
        expect(project.files).toHaveLength(files.length);
        expect(project.files.every((f) => f.type === metadataTypeOf(f.path))).toBe(true);
        expect([...project.texts.keys()]).toEqual(
            expect.arrayContaining(['README.md', 'docs/admin.md', 'docs/reps.md'])
        );
    });

    it.each(LIMIT_RULES.map((r) => [r.id, r]))('%s holds', (_id, r) => {
        expect(messages(r.check(project))).toEqual([]);
    });
});

interface NegativeCase {
    readonly rule: string;
    readonly name: string;
    readonly broken: Readonly<Record<string, string>>;
    /** Each must match one finding: they name the file, the element, the length and the limit. */
    readonly expected: readonly RegExp[];
    /** The same project at the limit (or otherwise corrected): the rule accepts it. */
    readonly atLimit?: Readonly<Record<string, string>>;
}

const permissionSet = (description: string) => ({
    [`${APP}/permissionsets/Broken.permissionset-meta.xml`]: md(
        'PermissionSet',
        `<description>${description}</description><label>Broken</label>`
    )
});
const field = (name: string, body: string, object = 'Thing__c') => ({
    [`${APP}/objects/${object}/fields/${name}.field-meta.xml`]: md(
        'CustomField',
        `<fullName>${name}</fullName>${body}`
    )
});
const lwcMeta = (name: string, body: string) => ({
    [`${APP}/lwc/${name}/${name}.js-meta.xml`]: md(
        'LightningComponentBundle',
        `<apiVersion>66.0</apiVersion>${body}`
    )
});
const recordPage = (component: string, extra = '') => ({
    [`${APP}/flexipages/Broken_Page.flexipage-meta.xml`]: md(
        'FlexiPage',
        `<flexiPageRegions><itemInstances><componentInstance><componentName>${component}</componentName>` +
            `<identifier>c_1</identifier></componentInstance></itemInstances><name>main</name><type>Region</type>` +
            `</flexiPageRegions>${extra}<masterLabel>Broken</masterLabel><sobjectType>Opportunity</sobjectType>` +
            '<template><name>flexipage:recordHomeTemplateDesktop</name></template><type>RecordPage</type>'
    )
});
/** An Aura quick action on Opportunity and its bundle, implementing the given interfaces. */
const auraAction = (interfaces: string) => ({
    [`${APP}/quickActions/Opportunity.Aura_Action.quickAction-meta.xml`]: md(
        'QuickAction',
        '<label>A</label><lightningComponent>c:plainCmp</lightningComponent><type>LightningComponent</type>'
    ),
    [`${APP}/aura/plainCmp/plainCmp.cmp-meta.xml`]: md(
        'AuraDefinitionBundle',
        '<apiVersion>66.0</apiVersion>'
    ),
    [`${APP}/aura/plainCmp/plainCmp.cmp`]: `<aura:component implements="${interfaces}"></aura:component>`
});
const fields = (count: number, body: (i: number) => string, object: string) =>
    Object.assign({}, ...Array.from({ length: count }, (_, i) => field(`F${i}__c`, body(i), object)));

const NEGATIVE_CASES: readonly NegativeCase[] = [
    {
        rule: 'description-255',
        name: 'a permission set description of 256 characters (the Rep set had 306)',
        broken: permissionSet(x(256)),
        expected: [
            /Broken\.permissionset-meta\.xml: <PermissionSet\/description> is 256 characters; PermissionSet allows at most 255/
        ],
        atLimit: permissionSet(x(255))
    },
    {
        rule: 'description-255',
        name: 'a FlexiPage description of 348 characters (as the record page had)',
        broken: {
            [`${APP}/flexipages/P.flexipage-meta.xml`]: md(
                'FlexiPage',
                `<description>${x(348)}</description><masterLabel>P</masterLabel><type>AppPage</type>`
            )
        },
        expected: [
            /P\.flexipage-meta\.xml: <FlexiPage\/description> is 348 characters; FlexiPage allows at most 255/
        ]
    },
    {
        rule: 'description-1000',
        name: 'a field description of 1,001 characters',
        broken: field('Long__c', `<description>${x(1001)}</description><label>Long</label><type>Text</type>`),
        expected: [
            /Long__c\.field-meta\.xml: <CustomField\/description> is 1001 characters; CustomField allows at most 1000/
        ],
        atLimit: field('Long__c', `<description>${x(1000)}</description><label>Long</label><type>Text</type>`)
    },
    {
        rule: 'labels-40',
        name: 'a field label of 41 characters',
        broken: field('Wide__c', `<label>${x(41)}</label><type>Text</type>`),
        expected: [
            /Wide__c\.field-meta\.xml: <CustomField\/label> is 41 characters; CustomField allows at most 40/
        ],
        atLimit: field('Wide__c', `<label>${x(40)}</label><type>Text</type>`)
    },
    {
        rule: 'plural-labels-40',
        name: 'an object plural label of 41 characters',
        broken: {
            [`${APP}/objects/Thing__c/Thing__c.object-meta.xml`]: md(
                'CustomObject',
                `<label>Thing</label><pluralLabel>${x(41)}</pluralLabel>`
            )
        },
        expected: [
            /Thing__c\.object-meta\.xml: <CustomObject\/pluralLabel> is 41 characters; CustomObject allows at most 40/
        ]
    },
    {
        rule: 'permission-set-label-80',
        name: 'a permission set label of 81 characters',
        broken: {
            [`${APP}/permissionsets/P.permissionset-meta.xml`]: md('PermissionSet', `<label>${x(81)}</label>`)
        },
        expected: [/<PermissionSet\/label> is 81 characters; PermissionSet allows at most 80/]
    },
    {
        rule: 'help-text-510',
        name: 'help text of 511 characters',
        broken: field(
            'Helpful__c',
            `<inlineHelpText>${x(511)}</inlineHelpText><label>H</label><type>Text</type>`
        ),
        expected: [/<CustomField\/inlineHelpText> is 511 characters; CustomField allows at most 510/],
        atLimit: field(
            'Helpful__c',
            `<inlineHelpText>${x(510)}</inlineHelpText><label>H</label><type>Text</type>`
        )
    },
    {
        rule: 'picklist-values-255',
        name: 'a picklist value API name and label of 256 characters',
        broken: field(
            'Choice__c',
            `<label>C</label><type>Picklist</type><valueSet><valueSetDefinition><value><fullName>${x(256)}</fullName>` +
                `<default>false</default><label>${x(256)}</label></value></valueSetDefinition></valueSet>`
        ),
        expected: [
            /<CustomField\/valueSet\/valueSetDefinition\/value\/fullName> is 256 characters; CustomField allows at most 255/,
            /<CustomField\/valueSet\/valueSetDefinition\/value\/label> is 256 characters; CustomField allows at most 255/
        ]
    },
    {
        rule: 'validation-message-255',
        name: 'a validation message of 256 characters',
        broken: {
            [`${APP}/objects/Thing__c/validationRules/Too_Long.validationRule-meta.xml`]: md(
                'ValidationRule',
                `<fullName>Too_Long</fullName><active>true</active><errorConditionFormula>true</errorConditionFormula><errorMessage>${x(256)}</errorMessage>`
            )
        },
        expected: [
            /Too_Long\.validationRule-meta\.xml: <ValidationRule\/errorMessage> is 256 characters; ValidationRule allows at most 255/
        ]
    },
    {
        rule: 'translations-same-limits',
        name: 'a Chinese field label of 41 characters and a translated validation message of 256',
        broken: {
            [`${APP}/objectTranslations/Thing__c-zh_CN/Wide__c.fieldTranslation-meta.xml`]: md(
                'CustomFieldTranslation',
                `<label>${'教'.repeat(41)}</label><name>Wide__c</name>`
            ),
            [`${APP}/objectTranslations/Thing__c-zh_CN/Thing__c-zh_CN.objectTranslation-meta.xml`]: md(
                'CustomObjectTranslation',
                `<validationRules><errorMessage>${'错'.repeat(256)}</errorMessage><name>R</name></validationRules>`
            )
        },
        expected: [
            /Wide__c\.fieldTranslation-meta\.xml: <CustomFieldTranslation\/label> is 41 characters; CustomFieldTranslation allows at most 40/,
            /<CustomObjectTranslation\/validationRules\/errorMessage> is 256 characters; CustomObjectTranslation allows at most 255/
        ],
        atLimit: {
            [`${APP}/objectTranslations/Thing__c-zh_CN/Wide__c.fieldTranslation-meta.xml`]: md(
                'CustomFieldTranslation',
                `<label>${'教'.repeat(40)}</label><name>Wide__c</name>`
            )
        }
    },
    {
        rule: 'developer-names',
        name: 'field names with a double underscore, a leading digit, a trailing underscore, 41 characters',
        broken: {
            ...field('Bad__Name__c', '<label>B</label><type>Text</type>'),
            ...field('9Lives__c', '<label>N</label><type>Text</type>'),
            ...field('Trailing___c', '<label>T</label><type>Text</type>'),
            ...field(`${x(41)}__c`, '<label>L</label><type>Text</type>')
        },
        expected: [
            /Bad__Name__c\.field-meta\.xml: the CustomField name "Bad__Name" has two consecutive underscores \(limit 40\)/,
            /the CustomField name "9Lives" does not start with a letter/,
            /the CustomField name "Trailing_" ends with an underscore/,
            /the CustomField name "x{41}" is 41 characters, more than 40 \(limit 40\)/
        ],
        atLimit: field(`${x(40)}__c`, '<label>L</label><type>Text</type>')
    },
    {
        rule: 'flexipage-region-mode',
        name: 'a region with <mode>Replace</mode> on a page without a parent (as the record page had)',
        broken: withMode(recordPage('flexipage:tabset')),
        expected: [
            /Broken_Page\.flexipage-meta\.xml: region "main" has <mode>Replace<\/mode> but the page has no <parentFlexiPage>/
        ],
        atLimit: withMode(
            recordPage('flexipage:tabset', '<parentFlexiPage>flexipage__default_rec_L</parentFlexiPage>')
        )
    },
    {
        rule: 'flexipage-component-targets',
        name: 'a record page with a component exposed only as a quick action, and one for another object',
        broken: {
            ...recordPage('actionOnly'),
            ...lwcMeta(
                'actionOnly',
                '<isExposed>true</isExposed><targets><target>lightning__RecordAction</target></targets>'
            )
        },
        expected: [
            /<FlexiPage\/flexiPageRegions\/itemInstances\/componentInstance\/componentName> actionOnly lacks the lightning__RecordPage target a RecordPage needs/
        ],
        atLimit: {
            ...recordPage('pageReady'),
            ...lwcMeta(
                'pageReady',
                '<isExposed>true</isExposed><targets><target>lightning__RecordPage</target></targets>' +
                    '<targetConfigs><targetConfig targets="lightning__RecordPage"><objects><object>Opportunity</object></objects></targetConfig></targetConfigs>'
            )
        }
    },
    {
        rule: 'flexipage-component-targets',
        name: 'a component configured for Account placed on an Opportunity page',
        broken: {
            ...recordPage('c:accountOnly'),
            ...lwcMeta(
                'accountOnly',
                '<isExposed>true</isExposed><targets><target>lightning__RecordPage</target></targets>' +
                    '<targetConfigs><targetConfig targets="lightning__RecordPage"><objects><object>Account</object></objects></targetConfig></targetConfigs>'
            )
        },
        expected: [/c:accountOnly is configured for Account, not for Opportunity/]
    },
    {
        rule: 'quick-action-components',
        name: 'an LWC action whose component has no lightning__RecordAction target, an Aura action without the interface',
        broken: {
            [`${APP}/quickActions/Opportunity.Lwc_Action.quickAction-meta.xml`]: md(
                'QuickAction',
                '<label>L</label><lightningWebComponent>pageOnly</lightningWebComponent><type>LightningWebComponent</type>'
            ),
            ...lwcMeta(
                'pageOnly',
                '<isExposed>true</isExposed><targets><target>lightning__RecordPage</target></targets>'
            ),
            ...auraAction('force:hasRecordId')
        },
        expected: [
            /Opportunity\.Lwc_Action\.quickAction-meta\.xml: pageOnly has no lightning__RecordAction target and targetConfig/,
            /Opportunity\.Aura_Action\.quickAction-meta\.xml: c:plainCmp implements force:hasRecordId, not force:lightningQuickAction or force:lightningQuickActionWithoutHeader/
        ],
        atLimit: auraAction('force:lightningQuickActionWithoutHeader, force:hasRecordId')
    },
    {
        rule: 'mobile-quick-actions',
        name: 'a guide that promises an LWC quick action on the phone (as the reps guide did)',
        broken: {
            [`${APP}/quickActions/Opportunity.Assess.quickAction-meta.xml`]: md(
                'QuickAction',
                '<actionSubtype>ScreenAction</actionSubtype><label>Assess a stakeholder</label>' +
                    '<lightningWebComponent>assess</lightningWebComponent><type>LightningWebComponent</type>'
            ),
            'docs/reps.md':
                '# Reps\n\nRight after a meeting, on your phone, tap **Assess a stakeholder**.\n\nOther text.\n'
        },
        expected: [
            /docs\/reps\.md:3 promises "Assess a stakeholder" .*Opportunity\.Assess\.quickAction-meta\.xml, a LightningWebComponent quick action\) on a phone/
        ],
        atLimit: {
            [`${APP}/quickActions/Opportunity.Assess.quickAction-meta.xml`]: md(
                'QuickAction',
                '<label>Assess a stakeholder</label><lightningComponent>c:assessAction</lightningComponent><type>LightningComponent</type>'
            ),
            'docs/reps.md': '# Reps\n\nRight after a meeting, on your phone, tap **Assess a stakeholder**.\n'
        }
    },
    {
        rule: 'history-tracking-20',
        name: '21 tracked fields on one object',
        broken: fields(
            21,
            () => '<label>F</label><trackHistory>true</trackHistory><type>Text</type>',
            'Thing__c'
        ),
        expected: [/Thing__c has 21 fields with history tracking; the platform allows at most 20 per object/],
        atLimit: fields(
            20,
            () => '<label>F</label><trackHistory>true</trackHistory><type>Text</type>',
            'Thing__c'
        )
    },
    {
        rule: 'rollups-25',
        name: '26 roll-up summary fields on Opportunity',
        broken: fields(
            26,
            () => '<label>R</label><summaryOperation>count</summaryOperation><type>Summary</type>',
            'Opportunity'
        ),
        expected: [
            /Opportunity has 26 roll-up summary fields; the platform allows at most 25 per object, and the org’s own fields/
        ],
        atLimit: fields(
            25,
            () => '<label>R</label><summaryOperation>count</summaryOperation><type>Summary</type>',
            'Opportunity'
        )
    }
];

function withMode(files: Record<string, string>): Record<string, string> {
    return Object.fromEntries(
        Object.entries(files).map(([k, v]) => [
            k,
            v.replace('<name>main</name>', '<mode>Replace</mode><name>main</name>')
        ])
    );
}

describe('each rule rejects a small broken project', () => {
    it('has at least one negative case for every row of the table', () => {
        const covered = new Set(NEGATIVE_CASES.map((c) => c.rule));
        expect(LIMIT_RULES.map((r) => r.id).filter((id) => !covered.has(id))).toEqual([]);
    });

    it.each(NEGATIVE_CASES.map((c) => [c.rule, c.name, c]))('%s rejects %s', (_rule, _name, c) => {
        const findings = rule(c.rule).check(projectFrom(c.broken));
        expect(findings.length).toBeGreaterThanOrEqual(c.expected.length);
        for (const pattern of c.expected)
            expect(messages(findings)).toContainEqual(expect.stringMatching(pattern));
        expect(findings.every((f) => f.rule === c.rule && f.element !== '')).toBe(true);
        // Each finding names a file (or, for per-object counts, the object folder) of the project.
        const paths = Object.keys(c.broken);
        expect(
            findings.filter((f) => !paths.some((p) => p === f.file || p.startsWith(`${f.file}/`)))
        ).toEqual([]);
    });

    it.each(NEGATIVE_CASES.filter((c) => c.atLimit).map((c) => [c.rule, c.name, c]))(
        '%s accepts the corrected version of %s',
        (_rule, _name, c) => {
            expect(messages(rule(c.rule).check(projectFrom(c.atLimit!)))).toEqual([]);
        }
    );

    it('reports every rule’s findings together through checkProject', () => {
        const all = checkProject(
            projectFrom({ ...permissionSet(x(256)), ...field('Wide__c', `<label>${x(41)}</label>`) })
        );
        expect(all.map((f) => f.rule).sort()).toEqual(['description-255', 'labels-40']);
    });

    it('counts characters, not bytes or UTF-16 units: 40 Chinese characters or emoji fit a 40 limit', () => {
        const label = (text: string) => field('Cjk__c', `<label>${text}</label>`);
        expect(rule('labels-40').check(projectFrom(label('教'.repeat(40))))).toEqual([]);
        expect(rule('labels-40').check(projectFrom(label('😀'.repeat(40))))).toEqual([]);
        expect(rule('labels-40').check(projectFrom(label('😀'.repeat(41))))).toHaveLength(1);
    });
});
