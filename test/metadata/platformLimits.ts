// The platform's documented limits and rules for metadata, as one table that every test run checks
// against every file in force-app. Each row names the documentation page it comes from and says
// whether the number was read on that page here ('yes'), only in part or second-hand ('partly'),
// or not at all ('no': the row then keeps the conservative value and says so). The schema test
// checks element names and enumerations; this table checks what the schema cannot: lengths,
// counts, names, and which page, action and device a component can actually run on.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { metadataTypeOf } from './support/metadataTypes';
import { forceAppDir, listFiles, rel, repoRoot } from './support/repo';
import { XmlElement, childText, childrenNamed, parseXml } from './support/xml';

/** One parsed -meta.xml file; `path` is relative to the repository root, with forward slashes. */
export interface SourceFile {
    readonly path: string;
    readonly type: string;
    readonly root: XmlElement;
}

/** The metadata files, plus the other texts some rules read (guides, Aura markup and controllers). */
export interface MetadataProject {
    readonly files: readonly SourceFile[];
    readonly texts: ReadonlyMap<string, string>;
}

export interface Finding {
    readonly rule: string;
    readonly file: string;
    /** Element path inside the file, e.g. CustomField/valueSet/valueSetDefinition/value/label. */
    readonly element: string;
    readonly message: string;
}

export type Confirmation = 'yes' | 'partly' | 'no';

export interface LimitRule {
    readonly id: string;
    readonly what: string;
    readonly limit: string;
    /** Documentation page name(s) the limit comes from. */
    readonly source: string;
    readonly confirmed: Confirmation;
    /** What was and was not confirmed, when not plainly 'yes'. */
    readonly note?: string;
    readonly check: (project: MetadataProject) => Finding[];
}

/** Builds a project from file contents keyed by repository-relative path (used by the tests). */
export function projectFrom(entries: Readonly<Record<string, string>>): MetadataProject {
    const files: SourceFile[] = [];
    const texts = new Map<string, string>();
    for (const [file, content] of Object.entries(entries)) {
        const type = file.endsWith('-meta.xml') ? metadataTypeOf(file) : undefined;
        if (type) files.push({ path: file, type, root: parseXml(content, file) });
        else texts.set(file, content);
    }
    return { files, texts };
}

/**
 * The repository as the rules see it: every -meta.xml under force-app, the guides (README.md and
 * docs/*.md), and the Aura bundles' markup and controllers.
 */
export function loadRepository(): MetadataProject {
    const posix = (file: string) => rel(file).split(path.sep).join('/');
    const entries: Record<string, string> = {};
    const inAura = (f: string) => f.includes(`${path.sep}aura${path.sep}`);
    for (const file of listFiles(forceAppDir, (f) => f.endsWith('-meta.xml') || inAura(f)))
        entries[posix(file)] = fs.readFileSync(file, 'utf8');
    const docs = listFiles(path.join(repoRoot, 'docs'), (f) => f.endsWith('.md'));
    const guides = [path.join(repoRoot, 'README.md'), ...docs];
    for (const file of guides.filter((f) => fs.existsSync(f)))
        entries[posix(file)] = fs.readFileSync(file, 'utf8');
    return projectFrom(entries);
}

// ---------------------------------------------------------------------------------------------
// Helpers

/** Characters as the platform counts them (code points, so one Chinese character is one). */
const charCount = (text: string): number => [...text].length;

const excerpt = (text: string): string =>
    charCount(text) > 48 ? `${[...text].slice(0, 45).join('')}...` : text;

interface Located {
    readonly element: string;
    readonly text: string;
}

/** Text of every element at `steps` below the root (repeated elements included), with its path. */
function textsAt(root: XmlElement, steps: readonly string[]): Located[] {
    let level: { el: XmlElement; at: string }[] = [{ el: root, at: root.name }];
    for (const step of steps) {
        level = level.flatMap(({ el, at }) =>
            childrenNamed(el, step).map((c) => ({ el: c, at: `${at}/${step}` }))
        );
    }
    return level.map(({ el, at }) => ({ element: at, text: el.text }));
}

const ofType = (project: MetadataProject, ...types: string[]): SourceFile[] =>
    project.files.filter((f) => types.includes(f.type));

interface LengthTarget {
    readonly type: string;
    /** Element path below the root, e.g. ['valueSet', 'valueSetDefinition', 'value', 'label']. */
    readonly at: readonly string[];
    readonly max: number;
}

function lengthRule(
    meta: Omit<LimitRule, 'check' | 'limit'> & { readonly targets: readonly LengthTarget[] }
): LimitRule {
    const limits = [...new Set(meta.targets.map((t) => t.max))].join(' / ');
    return {
        ...meta,
        limit: `${limits} characters`,
        check: (project) =>
            meta.targets.flatMap((target) =>
                ofType(project, target.type).flatMap((file) =>
                    textsAt(file.root, target.at)
                        .filter(({ text }) => charCount(text) > target.max)
                        .map(({ element, text }) => ({
                            rule: meta.id,
                            file: file.path,
                            element,
                            message:
                                `${file.path}: <${element}> is ${charCount(text)} characters; ` +
                                `${target.type} allows at most ${target.max} ("${excerpt(text)}")`
                        }))
                )
            )
    };
}

/** The object folder of a file under objects/, e.g. C139_Scorecard__c. */
function objectOf(file: SourceFile): string | undefined {
    const parts = file.path.split('/');
    const i = parts.indexOf('objects');
    return i >= 0 ? parts[i + 1] : undefined;
}

// ---------------------------------------------------------------------------------------------
// Sources (documentation page names)

const SRC = {
    permissionSet:
        'Metadata API Developer Guide: PermissionSet ("description … maximum 255 characters"); ' +
        'Object Reference: PermissionSet (Description string 255, Label string 80, Name string 80)',
    report: 'Object Reference: Report (Description "Limit: 255 characters"); Field Reference: Report (Name string 40, DeveloperName string 80)',
    dashboard:
        'Object Reference: Dashboard (Description "Limit: 255 characters"); Field Reference: Dashboard (DeveloperName string 80)',
    validationRule:
        'Tooling API: ValidationRule (ErrorMessage "must be 255 characters or less"); Metadata API Developer Guide: ValidationRule',
    validationRuleHelp:
        'Salesforce Help: Validation Rule Fields (Rule Name up to 40 characters; Description 255 characters or less)',
    reportType:
        'Salesforce Help: Create a Custom Report Type (description field of the Setup form); Field Reference: CustomReportType',
    flexiPage:
        'Tooling API: FlexiPage (Description, string); TOOLCHAIN.md "Platform facts found after turn 1"',
    lwcQuickActions:
        'LWC Developer Guide: Quick Actions ("LWC quick actions are available only on record pages in Lightning ' +
        'Experience … not supported … on the Salesforce mobile app")',
    auraQuickActions:
        'Aura Components Developer Guide: Lightning Component Actions (supported in the Salesforce mobile app and ' +
        'Lightning Experience; the component implements force:lightningQuickAction or ' +
        'force:lightningQuickActionWithoutHeader)',
    lwcTargets:
        'LWC Developer Guide: lightning__RecordPage Target, lightning__AppPage Target, lightning__HomePage Target, ' +
        'lightning__RecordAction Target (targets, objects, actionType)',
    fieldLabels:
        'Salesforce Knowledge Article 000381913 ("The current character limit for creating field names and labels is ' +
        '40 characters"); Metadata API Developer Guide: CustomField, CustomObject',
    fieldText:
        'Salesforce Help: Custom Field Attributes (Description, Help Text); Metadata API Developer Guide: CustomField',
    picklist:
        'Salesforce Help: Picklist Limitations; Metadata API Developer Guide: CustomValue (fullName, label)',
    developerName:
        'Object Reference: Report and Dashboard DeveloperName ("must begin with a letter, not include spaces, not end ' +
        'with an underscore, and not contain two consecutive underscores"); Metadata API Developer Guide: ' +
        'ValidationRule (fullName, same rules); Knowledge Article 000381913 (names 40)',
    history:
        'Salesforce Help: Track Field History for Standard and Custom Objects (up to 20 fields per object)',
    rollup: 'Salesforce Help: Roll-Up Summary Field; Salesforce Help: Custom Field Allocations (25 per object, 40 on request)',
    translations:
        'Salesforce Help: Translation Workbench / Translate Terms; Metadata API Developer Guide: ' +
        'CustomObjectTranslation, CustomFieldTranslation, Translations',
    customLabel:
        'Metadata API Developer Guide: CustomLabels ("custom text values, up to 1,000 characters in length")'
} as const;

// ---------------------------------------------------------------------------------------------
// Developer names

interface NamedComponent {
    readonly name: string;
    readonly max: number;
}

const stripCustomSuffix = (name: string): string => name.replace(/__c$/, '');
const baseName = (file: SourceFile, suffix: string): string => path.posix.basename(file.path, suffix);

/**
 * The developer name a file defines, and its length limit. Layouts (their names are labels),
 * translations (named after a locale) and standard objects are not developer names.
 */
function developerNameOf(file: SourceFile): NamedComponent | undefined {
    const suffixOf = Object.entries({
        CustomObject: '.object-meta.xml',
        CustomField: '.field-meta.xml',
        ValidationRule: '.validationRule-meta.xml',
        ListView: '.listView-meta.xml',
        CompactLayout: '.compactLayout-meta.xml',
        QuickAction: '.quickAction-meta.xml',
        CustomTab: '.tab-meta.xml',
        CustomApplication: '.app-meta.xml',
        PermissionSet: '.permissionset-meta.xml',
        Report: '.report-meta.xml',
        Dashboard: '.dashboard-meta.xml',
        ReportType: '.reportType-meta.xml',
        FlexiPage: '.flexipage-meta.xml',
        Flow: '.flow-meta.xml',
        ReportFolder: '.reportFolder-meta.xml',
        DashboardFolder: '.dashboardFolder-meta.xml',
        LightningComponentBundle: '.js-meta.xml',
        AuraDefinitionBundle: '.cmp-meta.xml'
    }).find(([type]) => type === file.type)?.[1];
    if (!suffixOf) return undefined;
    let name = baseName(file, suffixOf);
    if (file.type === 'QuickAction') name = name.slice(name.indexOf('.') + 1);
    if (['CustomObject', 'CustomField', 'CustomTab'].includes(file.type)) {
        if (!name.endsWith('__c')) return undefined; // a standard object or field: not ours to name
        name = stripCustomSuffix(name);
    }
    const eighty = ['PermissionSet', 'Report', 'Dashboard', 'ReportType'];
    return { name, max: eighty.includes(file.type) ? 80 : 40 };
}

function developerNameProblems(name: string, max: number): string[] {
    const problems: string[] = [];
    if (!/^[A-Za-z]/.test(name)) problems.push('does not start with a letter');
    if (/[^A-Za-z0-9_]/.test(name))
        problems.push('has characters other than letters, digits and underscores');
    if (name.includes('__')) problems.push('has two consecutive underscores');
    if (name.endsWith('_')) problems.push('ends with an underscore');
    if (charCount(name) > max) problems.push(`is ${charCount(name)} characters, more than ${max}`);
    return problems;
}

// ---------------------------------------------------------------------------------------------
// Components and the pages and actions they run on

const PAGE_TARGETS: Readonly<Record<string, string>> = {
    RecordPage: 'lightning__RecordPage',
    AppPage: 'lightning__AppPage',
    HomePage: 'lightning__HomePage',
    UtilityBar: 'lightning__UtilityBar'
};

/** LWC bundles by name (folder), read from their .js-meta.xml. */
function lwcBundles(project: MetadataProject): Map<string, SourceFile> {
    return new Map(ofType(project, 'LightningComponentBundle').map((f) => [baseName(f, '.js-meta.xml'), f]));
}

function auraBundles(project: MetadataProject): Map<string, SourceFile> {
    return new Map(ofType(project, 'AuraDefinitionBundle').map((f) => [baseName(f, '.cmp-meta.xml'), f]));
}

const targetsOf = (bundle: SourceFile): string[] =>
    childrenNamed(bundle.root, 'targets').flatMap((t) => childrenNamed(t, 'target').map((x) => x.text));

function targetConfig(bundle: SourceFile, target: string): XmlElement | undefined {
    return childrenNamed(bundle.root, 'targetConfigs')
        .flatMap((c) => childrenNamed(c, 'targetConfig'))
        .find((c) =>
            (c.attributes.targets ?? '')
                .split(',')
                .map((t) => t.trim())
                .includes(target)
        );
}

/** The default-namespace component a FlexiPage item names, or undefined for a platform component. */
function customComponentName(componentName: string): string | undefined {
    if (componentName.startsWith('c:')) return componentName.slice(2);
    return componentName.includes(':') ? undefined : componentName;
}

function flexiPageComponentFindings(project: MetadataProject, rule: string): Finding[] {
    const lwcs = lwcBundles(project);
    const findings: Finding[] = [];
    for (const page of ofType(project, 'FlexiPage')) {
        const pageType = childText(page.root, 'type') ?? '';
        const required = PAGE_TARGETS[pageType];
        const sobject = childText(page.root, 'sobjectType');
        const components = textsAt(page.root, [
            'flexiPageRegions',
            'itemInstances',
            'componentInstance',
            'componentName'
        ]);
        for (const { element, text } of components) {
            const name = customComponentName(text);
            if (name === undefined) continue;
            const bundle = lwcs.get(name);
            const say = (problem: string) =>
                findings.push({
                    rule,
                    file: page.path,
                    element,
                    message: `${page.path}: <${element}> ${text} ${problem}`
                });
            if (!bundle) {
                say('is not a Lightning web component in this project');
                continue;
            }
            if (!required) {
                say(`sits on a ${pageType} page, which this table has no LWC target for`);
                continue;
            }
            if (childText(bundle.root, 'isExposed') !== 'true')
                say(`is not exposed (isExposed false in ${bundle.path})`);
            if (!targetsOf(bundle).includes(required)) {
                say(
                    `lacks the ${required} target a ${pageType} needs (targets: ${targetsOf(bundle).join(', ') || 'none'})`
                );
                continue;
            }
            const objects = textsAt(targetConfig(bundle, required) ?? bundle.root, ['objects', 'object']).map(
                (o) => o.text
            );
            if (sobject && objects.length > 0 && !objects.includes(sobject))
                say(`is configured for ${objects.join(', ')}, not for ${sobject}`);
        }
    }
    return findings;
}

const AURA_ACTION_INTERFACES = ['force:lightningQuickAction', 'force:lightningQuickActionWithoutHeader'];

function auraMarkup(project: MetadataProject, bundle: SourceFile): string | undefined {
    return project.texts.get(bundle.path.replace(/-meta\.xml$/, ''));
}

function implementedInterfaces(markup: string): string[] {
    const implementsAttr = /<aura:component\b[^>]*\bimplements\s*=\s*"([^"]*)"/s.exec(markup)?.[1] ?? '';
    return implementsAttr
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean);
}

function quickActionComponentFindings(project: MetadataProject, rule: string): Finding[] {
    const lwcs = lwcBundles(project);
    const auras = auraBundles(project);
    const findings: Finding[] = [];
    for (const action of ofType(project, 'QuickAction')) {
        const type = childText(action.root, 'type');
        const say = (element: string, message: string) =>
            findings.push({
                rule,
                file: action.path,
                element: `QuickAction/${element}`,
                message: `${action.path}: ${message}`
            });
        if (type === 'LightningWebComponent') {
            const name = childText(action.root, 'lightningWebComponent') ?? '';
            const bundle = lwcs.get(name.replace(/^c:/, ''));
            if (!bundle) {
                say(
                    'lightningWebComponent',
                    `<lightningWebComponent> ${name} is not a Lightning web component in this project`
                );
                continue;
            }
            const config = targetConfig(bundle, 'lightning__RecordAction');
            if (!targetsOf(bundle).includes('lightning__RecordAction') || !config) {
                say(
                    'lightningWebComponent',
                    `${name} has no lightning__RecordAction target and targetConfig (${bundle.path})`
                );
                continue;
            }
            const wanted = childText(action.root, 'actionSubtype') ?? 'ScreenAction';
            const actual = childText(config, 'actionType') ?? 'ScreenAction';
            if (wanted !== actual)
                say(
                    'actionSubtype',
                    `<actionSubtype> ${wanted} does not match the component's actionType ${actual}`
                );
        } else if (type === 'LightningComponent') {
            const name = childText(action.root, 'lightningComponent') ?? '';
            const bundle = auras.get(name.replace(/^c:/, ''));
            const markup = bundle && auraMarkup(project, bundle);
            if (!bundle || markup === undefined) {
                say(
                    'lightningComponent',
                    `<lightningComponent> ${name} is not an Aura component (.cmp) in this project`
                );
                continue;
            }
            const interfaces = implementedInterfaces(markup);
            if (!interfaces.some((i) => AURA_ACTION_INTERFACES.includes(i)))
                say(
                    'lightningComponent',
                    `${name} implements ${interfaces.join(', ') || 'nothing'}, not ${AURA_ACTION_INTERFACES.join(' or ')}`
                );
        }
    }
    return findings;
}

/** Paragraphs of the guides (README.md and docs/), with their first line: where the product promises things. */
function guideParagraphs(project: MetadataProject): { file: string; line: number; text: string }[] {
    return [...project.texts]
        .filter(([file]) => /(^|\/)(README\.md|docs\/[^/]+\.md)$/.test(file))
        .flatMap(([file, text]) => {
            const paragraphs: { file: string; line: number; text: string }[] = [];
            let line = 1;
            for (const block of text.split(/(\n\s*\n)/)) {
                if (block.trim() !== '' && !/^\n\s*\n$/.test(block))
                    paragraphs.push({
                        file,
                        line: line + (block.match(/^\n*/)?.[0].length ?? 0),
                        text: block
                    });
                line += (block.match(/\n/g) ?? []).length;
            }
            return paragraphs;
        });
}

const MOBILE_WORDS = /\b(phones?|mobile)\b|手机|移动/i;

function mobilePromiseFindings(project: MetadataProject, rule: string): Finding[] {
    const findings: Finding[] = [];
    const lwcs = lwcBundles(project);
    for (const action of ofType(project, 'QuickAction')) {
        if (childText(action.root, 'type') !== 'LightningWebComponent') continue;
        const label = childText(action.root, 'label') ?? '';
        const name = baseName(action, '.quickAction-meta.xml');
        const promise = (text: string) =>
            MOBILE_WORDS.test(text) &&
            (text.toLowerCase().includes(label.toLowerCase()) || text.includes(name));
        for (const p of guideParagraphs(project).filter((x) => promise(x.text))) {
            findings.push({
                rule,
                file: p.file,
                element: `line ${p.line}: "${excerpt(p.text.trim())}"`,
                message:
                    `${p.file}:${p.line} promises "${label}" (${action.path}, a LightningWebComponent quick action) on a phone; ` +
                    'LWC quick actions do not run in the Salesforce mobile app'
            });
        }
        for (const file of [action, lwcs.get(childText(action.root, 'lightningWebComponent') ?? '')]) {
            const description = file && childText(file.root, 'description');
            if (file && description && MOBILE_WORDS.test(description))
                findings.push({
                    rule,
                    file: file.path,
                    element: `${file.type}/description`,
                    message: `${file.path}: <description> promises the mobile app for an LWC quick action ("${excerpt(description)}")`
                });
        }
    }
    return findings;
}

function countPerObject(
    project: MetadataProject,
    rule: string,
    max: number,
    counts: (file: SourceFile) => boolean,
    what: string
): Finding[] {
    const perObject = new Map<string, SourceFile[]>();
    for (const file of project.files) {
        const object = objectOf(file);
        if (object && counts(file)) perObject.set(object, [...(perObject.get(object) ?? []), file]);
    }
    return [...perObject]
        .filter(([, files]) => files.length > max)
        .map(([object, files]) => ({
            rule,
            file: files[0].path.slice(
                0,
                files[0].path.indexOf(`/objects/${object}/`) + `/objects/${object}`.length
            ),
            element: `${object} (${files.map((f) => baseName(f, '-meta.xml')).join(', ')})`,
            message:
                `${object} has ${files.length} ${what}; the platform allows at most ${max} per object` +
                (object.endsWith('__c') ? '' : ', and the org’s own fields on this standard object count too')
        }));
}

// ---------------------------------------------------------------------------------------------
// The table

const DESCRIPTION_255_TYPES = [
    'PermissionSet',
    'FlexiPage',
    'ReportType',
    'Report',
    'Dashboard',
    'ListView',
    'ValidationRule',
    'QuickAction',
    'CustomApplication',
    'CustomTab',
    'Flow',
    'LightningComponentBundle',
    'AuraDefinitionBundle'
];

export const LIMIT_RULES: readonly LimitRule[] = [
    lengthRule({
        id: 'description-255',
        what: `description of ${DESCRIPTION_255_TYPES.join(', ')}`,
        source: [
            SRC.permissionSet,
            SRC.report,
            SRC.dashboard,
            SRC.validationRuleHelp,
            SRC.flexiPage,
            SRC.reportType
        ].join('; '),
        confirmed: 'partly',
        note:
            'Read on the page: PermissionSet, Report, Dashboard. Validation rule: Help table read in a copy. Not found in ' +
            'the docs: FlexiPage, QuickAction, CustomApplication, CustomTab, Flow, LWC and Aura bundles (kept at 255 as ' +
            'TOOLCHAIN.md advises); ReportType: Field Reference CustomReportType (API 68) says textarea 1000, the Setup ' +
            'form 255, so 255. ListView has no description element in the v66 schema (the schema test rejects one).',
        targets: DESCRIPTION_255_TYPES.map((type) => ({ type, at: ['description'], max: 255 }))
    }),
    lengthRule({
        id: 'description-1000',
        what: 'description of custom fields and custom objects',
        source: SRC.fieldText,
        confirmed: 'no',
        note: 'The 1,000 for fields is the TOOLCHAIN.md figure; CustomObject 1,000 is assumed equal. Neither page was read here.',
        targets: [
            { type: 'CustomField', at: ['description'], max: 1000 },
            { type: 'CustomObject', at: ['description'], max: 1000 }
        ]
    }),
    lengthRule({
        id: 'labels-40',
        what: 'labels: object, name field, field, relationship, list view, compact layout, quick action, app, tab; report name',
        source: `${SRC.fieldLabels}; ${SRC.report}`,
        confirmed: 'partly',
        note: 'Field labels (Knowledge Article) and report Name (Field Reference) read; the other label types assumed 40.',
        targets: [
            { type: 'CustomObject', at: ['label'], max: 40 },
            { type: 'CustomObject', at: ['nameField', 'label'], max: 40 },
            { type: 'CustomField', at: ['label'], max: 40 },
            { type: 'CustomField', at: ['relationshipLabel'], max: 40 },
            { type: 'ListView', at: ['label'], max: 40 },
            { type: 'CompactLayout', at: ['label'], max: 40 },
            { type: 'QuickAction', at: ['label'], max: 40 },
            { type: 'CustomApplication', at: ['label'], max: 40 },
            { type: 'CustomTab', at: ['label'], max: 40 },
            { type: 'Report', at: ['name'], max: 40 }
        ]
    }),
    lengthRule({
        id: 'plural-labels-40',
        what: 'plural label of a custom object',
        source: SRC.fieldLabels,
        confirmed: 'no',
        note: 'Assumed equal to the object label limit (40); not read on a page.',
        targets: [{ type: 'CustomObject', at: ['pluralLabel'], max: 40 }]
    }),
    lengthRule({
        id: 'permission-set-label-80',
        what: 'permission set label',
        source: SRC.permissionSet,
        confirmed: 'yes',
        targets: [{ type: 'PermissionSet', at: ['label'], max: 80 }]
    }),
    lengthRule({
        id: 'help-text-510',
        what: 'inline help text of a field',
        source: SRC.fieldText,
        confirmed: 'no',
        note: '510 is the TOOLCHAIN.md figure; the Help page was not read here.',
        targets: [{ type: 'CustomField', at: ['inlineHelpText'], max: 510 }]
    }),
    lengthRule({
        id: 'picklist-values-255',
        what: 'picklist value API names and labels',
        source: SRC.picklist,
        confirmed: 'no',
        note: 'Not read on a page here.',
        targets: [
            { type: 'CustomField', at: ['valueSet', 'valueSetDefinition', 'value', 'fullName'], max: 255 },
            { type: 'CustomField', at: ['valueSet', 'valueSetDefinition', 'value', 'label'], max: 255 }
        ]
    }),
    lengthRule({
        id: 'validation-message-255',
        what: 'validation rule error message',
        source: SRC.validationRule,
        confirmed: 'yes',
        targets: [{ type: 'ValidationRule', at: ['errorMessage'], max: 255 }]
    }),
    lengthRule({
        id: 'translations-same-limits',
        what: 'translated labels, help, picklist values, validation messages, actions, apps, report types, custom labels',
        source: `${SRC.translations}; ${SRC.customLabel}`,
        confirmed: 'no',
        note: 'Assumed: a translation has the limit of the text it translates (a longer one is cut or rejected). Custom labels 1,000 read on the CustomLabels page.',
        targets: [
            { type: 'CustomFieldTranslation', at: ['label'], max: 40 },
            { type: 'CustomFieldTranslation', at: ['relationshipLabel'], max: 40 },
            { type: 'CustomFieldTranslation', at: ['help'], max: 510 },
            { type: 'CustomFieldTranslation', at: ['picklistValues', 'translation'], max: 255 },
            { type: 'CustomObjectTranslation', at: ['caseValues', 'value'], max: 40 },
            { type: 'CustomObjectTranslation', at: ['nameFieldLabel'], max: 40 },
            { type: 'CustomObjectTranslation', at: ['validationRules', 'errorMessage'], max: 255 },
            { type: 'CustomObjectTranslation', at: ['quickActions', 'label'], max: 40 },
            { type: 'Translations', at: ['customApplications', 'label'], max: 40 },
            { type: 'Translations', at: ['customApplications', 'description'], max: 255 },
            { type: 'Translations', at: ['reportTypes', 'description'], max: 255 },
            { type: 'Translations', at: ['quickActions', 'label'], max: 40 },
            { type: 'Translations', at: ['customTabs', 'label'], max: 40 },
            { type: 'Translations', at: ['customLabels', 'label'], max: 1000 }
        ]
    }),
    {
        id: 'developer-names',
        what: 'developer names: letters, digits, underscores; start with a letter; no double or trailing underscore',
        limit: '40 characters (80 for permission sets, reports, dashboards, report types)',
        source: `${SRC.developerName}; ${SRC.permissionSet}; ${SRC.validationRuleHelp}`,
        confirmed: 'partly',
        note:
            'Format read for Report, Dashboard, ValidationRule; 40 read for object and field names and validation rules; ' +
            '80 read for PermissionSet, Report, Dashboard, CustomReportType. FlexiPage, Flow, list view, action, app, ' +
            'bundle and folder names are held to 40 without a page (conservative).',
        check: (project) =>
            project.files.flatMap((file) => {
                const named = developerNameOf(file);
                if (!named) return [];
                const problems = developerNameProblems(named.name, named.max);
                return problems.length === 0
                    ? []
                    : [
                          {
                              rule: 'developer-names',
                              file: file.path,
                              element: `${file.type} name ${named.name}`,
                              message: `${file.path}: the ${file.type} name "${named.name}" ${problems.join(', ')} (limit ${named.max})`
                          }
                      ];
            })
    },
    {
        id: 'flexipage-region-mode',
        what: 'a FlexiPage region has a <mode> only when the page has a <parentFlexiPage>',
        limit: 'no <mode> without <parentFlexiPage>',
        source: `${SRC.flexiPage}; Metadata API Developer Guide: FlexiPage (FlexiPageRegion.mode)`,
        confirmed: 'partly',
        note: 'The deploy error "Region specifies mode that parent doesn\'t support" is from the desk review; the doc page was not read here.',
        check: (project) =>
            ofType(project, 'FlexiPage')
                .filter((page) => childrenNamed(page.root, 'parentFlexiPage').length === 0)
                .flatMap((page) =>
                    childrenNamed(page.root, 'flexiPageRegions')
                        .filter((region) => childrenNamed(region, 'mode').length > 0)
                        .map((region) => ({
                            rule: 'flexipage-region-mode',
                            file: page.path,
                            element: `FlexiPage/flexiPageRegions[${childText(region, 'name')}]/mode`,
                            message:
                                `${page.path}: region "${childText(region, 'name')}" has <mode>${childText(region, 'mode')}</mode> ` +
                                'but the page has no <parentFlexiPage>; the deploy fails with "Region specifies mode that parent doesn\'t support"'
                        }))
                )
    },
    {
        id: 'flexipage-component-targets',
        what: 'each custom component on a FlexiPage is exposed for that page type (and object)',
        limit: 'RecordPage needs lightning__RecordPage, AppPage lightning__AppPage, HomePage lightning__HomePage',
        source: SRC.lwcTargets,
        confirmed: 'yes',
        check: (project) => flexiPageComponentFindings(project, 'flexipage-component-targets')
    },
    {
        id: 'quick-action-components',
        what: 'a quick action points at a component configured for quick actions',
        limit: 'LWC: lightning__RecordAction target with the same actionType; Aura: implements force:lightningQuickAction(WithoutHeader)',
        source: `${SRC.lwcTargets}; ${SRC.auraQuickActions}`,
        confirmed: 'yes',
        check: (project) => quickActionComponentFindings(project, 'quick-action-components')
    },
    {
        id: 'mobile-quick-actions',
        what: 'no guide or description promises a phone for a quick action type the mobile app cannot run',
        limit: 'LightningWebComponent quick actions: desktop only',
        source: `${SRC.lwcQuickActions}; ${SRC.auraQuickActions}`,
        confirmed: 'yes',
        check: (project) => mobilePromiseFindings(project, 'mobile-quick-actions')
    },
    {
        id: 'history-tracking-20',
        what: 'fields with history tracking per object (the name field included)',
        limit: '20 per object',
        source: SRC.history,
        confirmed: 'partly',
        note: 'The figure 20 is the one Salesforce Help gives; read here only in secondary sources. Org fields on standard objects add to the count.',
        check: (project) =>
            countPerObject(
                project,
                'history-tracking-20',
                20,
                (file) =>
                    (file.type === 'CustomField' && childText(file.root, 'trackHistory') === 'true') ||
                    (file.type === 'CustomObject' &&
                        textsAt(file.root, ['nameField', 'trackHistory']).some((t) => t.text === 'true')),
                'fields with history tracking'
            )
    },
    {
        id: 'rollups-25',
        what: 'roll-up summary fields per object',
        limit: '25 per object (40 only on request)',
        source: SRC.rollup,
        confirmed: 'partly',
        note: 'Read in secondary sources (25 default, 40 on request); the Salesforce Help page itself was not read here. Org roll-ups on the same object count too.',
        check: (project) =>
            countPerObject(
                project,
                'rollups-25',
                25,
                (file) => file.type === 'CustomField' && childText(file.root, 'type') === 'Summary',
                'roll-up summary fields'
            )
    }
];

/** Every finding of every rule, in table order. */
export function checkProject(project: MetadataProject): Finding[] {
    return LIMIT_RULES.flatMap((rule) => rule.check(project));
}
