import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { BANDS, EVIDENCE, INSIGHTS } from 'c/dealControlModel';
import { REPO_ROOT, readReports } from './lib/metadata';

// The managers' guide quotes the model's own texts; this keeps it from drifting when the model's
// wording changes, and keeps every shipped report explained.

const guide = readFileSync(join(REPO_ROOT, 'docs', 'managers.md'), 'utf8');

it.each(BANDS.map((b) => [b.band, b] as const))('explains band %s in both languages', (_band, def) => {
    for (const text of [def.label.en, def.label.zh, def.meaning.en, def.meaning.zh])
        expect(guide).toContain(text);
});

it.each(Object.values(EVIDENCE).map((e) => [e.code, e] as const))(
    'explains evidence code %s with the model texts in both languages',
    (code, def) => {
        expect(guide).toContain(`\`${code}\``);
        for (const text of [def.message.en, def.message.zh, def.action.en, def.action.zh])
            expect(guide).toContain(text);
    }
);

it.each(Object.values(INSIGHTS).map((i) => [i.code, i] as const))(
    'explains insight code %s with the model texts in both languages',
    (code, def) => {
        expect(guide).toContain(`\`${code}\``);
        for (const text of [def.message.en, def.message.zh, def.action.en, def.action.zh])
            expect(guide).toContain(text);
    }
);

it.each([...readReports().values()].map((r) => [r.label] as const))('lists the report "%s"', (label) => {
    // A row of the reports table (the formatter pads table cells).
    expect(guide).toMatch(new RegExp(`^\\| ${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} +\\|`, 'm'));
});
