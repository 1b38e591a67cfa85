import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { BANDS, EVIDENCE, INSIGHTS } from 'c/dealControlModel';
import { LINK_CODES_AWAITING_METADATA } from '../metadata/support/awaitingMetadata';
import { REPO_ROOT, readReports } from './lib/metadata';

// The managers' guide quotes the model's own texts; this keeps it from drifting when the model's
// wording changes, and keeps every shipped report explained.

const guide = readFileSync(join(REPO_ROOT, 'docs', 'managers.md'), 'utf8');
// The link-based codes of contract v1.1 cannot appear in any report before links have metadata;
// the guide explains them with the political map's reports (awaitingMetadata.test.ts keeps count).
const explained = <T extends { code: string }>(defs: T[]) =>
    defs.filter((d) => !LINK_CODES_AWAITING_METADATA.has(d.code));

it.each(BANDS.map((b) => [b.band, b] as const))('explains band %s in both languages', (_band, def) => {
    for (const text of [def.label.en, def.label.zh, def.meaning.en, def.meaning.zh])
        expect(guide).toContain(text);
});

it.each(explained(Object.values(EVIDENCE)).map((e) => [e.code, e] as const))(
    'explains evidence code %s with the model texts in both languages',
    (code, def) => {
        expect(guide).toContain(`\`${code}\``);
        for (const text of [def.message.en, def.message.zh, def.action.en, def.action.zh])
            expect(guide).toContain(text);
    }
);

it.each(explained(Object.values(INSIGHTS)).map((i) => [i.code, i] as const))(
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
