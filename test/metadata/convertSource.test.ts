// `sf project convert source` (source format to Metadata API format) succeeds on the whole tree.
// It runs in a temporary copy: the TypeScript components are compiled there, so no generated .js
// lands in the working tree. The CLI is slow to start, so it runs once for all assertions.
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { customFields } from './support/catalog';
import { forceAppDir, listFiles, repoRoot } from './support/repo';
import { childText, childrenNamed, readXml } from './support/xml';

const CLI_TIMEOUT_MS = 240_000;
let workDir: string;
let outDir: string;

function run(command: string, args: string[], cwd: string): void {
    try {
        execFileSync(command, args, {
            cwd,
            encoding: 'utf8',
            timeout: CLI_TIMEOUT_MS,
            env: {
                ...process.env,
                SF_DISABLE_TELEMETRY: 'true',
                SF_AUTOUPDATE_DISABLE: 'true',
                SF_USE_PROGRESS_BAR: 'false'
            },
            stdio: ['ignore', 'pipe', 'pipe']
        });
    } catch (e) {
        const err = e as { stdout?: string; stderr?: string; message: string };
        throw new Error(
            `${command} ${args.join(' ')} failed: ${err.message}\n${err.stdout ?? ''}\n${err.stderr ?? ''}`
        );
    }
}

beforeAll(() => {
    workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'deal-control-convert-'));
    for (const entry of ['force-app', 'types', 'sfdx-project.json', '.forceignore', 'tsconfig.json']) {
        fs.cpSync(path.join(repoRoot, entry), path.join(workDir, entry), {
            recursive: true,
            // Stale compiled output in the working tree must not stand in for a fresh build.
            filter: (src) => !(src.includes(`${path.sep}lwc${path.sep}`) && src.endsWith('.js'))
        });
    }
    fs.symlinkSync(path.join(repoRoot, 'node_modules'), path.join(workDir, 'node_modules'), 'dir');
    run(
        process.execPath,
        [
            path.join(repoRoot, 'node_modules', 'typescript', 'bin', 'tsc'),
            '-p',
            'force-app/main/default/lwc/tsconfig.build.json'
        ],
        workDir
    );
    outDir = path.join(workDir, 'mdapi-out');
    run(
        path.join(repoRoot, 'node_modules', '.bin', 'sf'),
        ['project', 'convert', 'source', '--source-dir', 'force-app', '--output-dir', outDir, '--json'],
        workDir
    );
}, CLI_TIMEOUT_MS * 2);

afterAll(() => {
    if (workDir) fs.rmSync(workDir, { recursive: true, force: true });
});

function packageMembers(): Map<string, string[]> {
    const manifest = readXml(path.join(outDir, 'package.xml'));
    return new Map(
        childrenNamed(manifest, 'types').map((t) => [
            childText(t, 'name') ?? '',
            childrenNamed(t, 'members').map((m) => m.text)
        ])
    );
}

describe('sf project convert source', () => {
    it('writes a package.xml with the data model, access and translations', () => {
        const members = packageMembers();
        expect(members.get('CustomObject')).toEqual(
            expect.arrayContaining([
                'C139_Scorecard__c',
                'Control_Snapshot__c',
                'Stakeholder_Assessment__c',
                'Stakeholder_Link__c'
            ])
        );
        expect(members.get('PermissionSet')).toEqual([
            'Deal_Control_Admin',
            'Deal_Control_Manager',
            'Deal_Control_Rep'
        ]);
        expect(members.get('Translations')).toEqual(['zh_CN']);
        // The phone path (an Aura quick action) and the three key flows (one scorecard per deal, one
        // snapshot per deal and day, no duplicate political-map link) deploy with the rest.
        expect(members.get('AuraDefinitionBundle')).toEqual(['stakeholderQuickAssessAction']);
        expect(members.get('Flow')).toEqual([
            'C139_Scorecard_Set_Opportunity_Key',
            'Control_Snapshot_Set_Key',
            'Stakeholder_Link_Set_Key'
        ]);
        expect(members.get('QuickAction')).toEqual(['Opportunity.Assess_Stakeholder']);
        expect(members.get('CustomObjectTranslation')).toEqual(
            expect.arrayContaining([
                'C139_Scorecard__c-zh_CN',
                'Control_Snapshot__c-zh_CN',
                'Opportunity-zh_CN',
                'Stakeholder_Assessment__c-zh_CN',
                'Stakeholder_Link__c-zh_CN'
            ])
        );
        const fields = customFields().map((f) => `${f.object}.${f.name}`);
        expect(members.get('CustomField')).toEqual(expect.arrayContaining(fields));
    });

    it.each(['Stakeholder_Assessment__c', 'Control_Snapshot__c'])(
        'merges the decomposed fields, list views and rules back into %s',
        (name) => {
            const object = readXml(path.join(outDir, 'objects', `${name}.object`));
            const expected = customFields().filter((f) => f.object === name).length;
            expect(childrenNamed(object, 'fields')).toHaveLength(expected);
            expect(childrenNamed(object, 'listViews').length).toBeGreaterThan(0);
            expect(childrenNamed(object, 'validationRules').length).toBeGreaterThan(0);
        }
    );

    it('ships every component with its compiled JavaScript and no TypeScript', () => {
        const bundles = listFiles(path.join(forceAppDir, 'main', 'default', 'lwc'), (f) =>
            f.endsWith('.js-meta.xml')
        ).map((f) => path.basename(f, '.js-meta.xml'));
        expect(bundles.length).toBeGreaterThan(0);
        for (const bundle of bundles) {
            expect(fs.existsSync(path.join(outDir, 'lwc', bundle, `${bundle}.js`))).toBe(true);
        }
        expect(listFiles(path.join(outDir, 'lwc'), (f) => f.endsWith('.ts'))).toEqual([]);
    });

    it('ships the Aura quick action with its markup and controller', () => {
        const bundle = path.join(outDir, 'aura', 'stakeholderQuickAssessAction');
        expect(fs.readdirSync(bundle).sort()).toEqual([
            'stakeholderQuickAssessAction.cmp',
            'stakeholderQuickAssessAction.cmp-meta.xml',
            'stakeholderQuickAssessActionController.js'
        ]);
    });
});
