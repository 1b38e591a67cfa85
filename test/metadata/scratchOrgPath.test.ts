// The scratch-org path cannot run here (no org), so its parts are checked for consistency: the
// script parses, names things that exist, and CI only runs it when a Dev Hub secret is present.
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { defaultDir, repoRoot } from './support/repo';

const script = path.join(repoRoot, 'scripts', 'scratch-org', 'setup.sh');
const workflow = path.join(repoRoot, '.github', 'workflows', 'scratch-org.yml');
const source = fs.readFileSync(script, 'utf8');

describe('scratch-org setup script', () => {
    it('is valid bash', () => {
        expect(() => execFileSync('bash', ['-n', script])).not.toThrow();
    });

    it('assigns permission sets that exist', () => {
        const names = /PERMISSION_SETS=\(([^)]*)\)/.exec(source)![1].trim().split(/\s+/);
        expect(names).toEqual(['Deal_Control_Admin', 'Deal_Control_Rep']);
        for (const name of names) {
            expect(
                fs.existsSync(path.join(defaultDir, 'permissionsets', `${name}.permissionset-meta.xml`))
            ).toBe(true);
        }
    });

    it('imports the sample data plan and runs the rescore that exist', () => {
        const plan = /PLAN="([^"]+)"/.exec(source)![1];
        expect(fs.existsSync(path.join(repoRoot, plan))).toBe(true);
        const pkg = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as {
            scripts: Record<string, string>;
        };
        expect(source).toContain('npm run rescore -- --target-org "$ALIAS" --apply');
        expect(pkg.scripts.rescore).toBeDefined();
        expect(pkg.scripts.build).toBeDefined();
    });

    it('uses a scratch definition with the Translation Workbench on (zh_CN translations deploy)', () => {
        const def = JSON.parse(
            fs.readFileSync(path.join(repoRoot, 'config', 'project-scratch-def.json'), 'utf8')
        ) as {
            settings: { languageSettings: { enableTranslationWorkbench: boolean } };
        };
        expect(source).toContain('--definition-file config/project-scratch-def.json');
        expect(def.settings.languageSettings.enableTranslationWorkbench).toBe(true);
    });
});

describe('CI workflow', () => {
    const text = fs.readFileSync(workflow, 'utf8');
    const orgJob = text.slice(text.indexOf('  scratch-org:'));

    it('runs npm ci and npm test without an org', () => {
        const offline = text.slice(text.indexOf('  offline:'), text.indexOf('  scratch-org:'));
        expect(offline).toContain('- run: npm ci');
        expect(offline).toContain('- run: npm test');
    });

    it('runs the setup script only when the Dev Hub secret is present', () => {
        const steps = orgJob.split('\n').filter((l) => /^ {6}- /.test(l));
        const guarded = orgJob
            .split('\n')
            .filter((l) => /^ {8}if: .*steps\.devhub\.outputs\.present == 'true'/.test(l));
        // Every step but the first (the check itself) is guarded.
        expect(guarded).toHaveLength(steps.length - 1);
        expect(orgJob).toContain('run: scripts/scratch-org/setup.sh ci-scratch');
        expect(orgJob).toContain('secrets.DEV_HUB_SFDX_AUTH_URL');
    });
});
