// The sample data (sf data import tree plan) is loadable as written, contains only input fields
// the metadata defines, and — scored by the model in memory, links included — covers every band,
// evidence code and insight code, unknowns, a deal without a scorecard, and the case study's politics.
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import {
    BANDS,
    DERIVED_FIELDS,
    bandOfScore,
    EVIDENCE,
    INSIGHTS,
    PICKLIST_FIELDS,
    PoliticalMap,
    buildPoliticalMap,
    campGroupsOf,
    scoreScorecard,
    scoreStakeholder
} from 'c/dealControlModel';
import { LINK_CODES_AWAITING_METADATA } from './support/awaitingMetadata';
import { fieldsByObject } from './support/catalog';
import { linkKeyOf } from './support/linkKey';
import { dataDir, repoRoot } from './support/repo';
import { TreeRecord, fieldsOf, readPlan, readSampleData, readTreeFile } from './support/sampleData';

const SA = 'Stakeholder_Assessment__c';
const SC = 'C139_Scorecard__c';
const SL = 'Stakeholder_Link__c';
const CS = 'Control_Snapshot__c';
const data = readSampleData();
const records = (type: string): TreeRecord[] => data.get(type) ?? [];
const refOf = (value: unknown) => String(value).replace(/^@/, '');
const SCORED_AT = '2026-11-26T00:00:00.000Z';

describe('sample data plan', () => {
    it('loads parents before children, in the fixed order', () => {
        expect(readPlan()).toEqual(
            ['Account', 'Contact', 'Opportunity', 'OpportunityContactRole', SA, SC, SL, CS].map(
                (sobject) => ({
                    sobject,
                    // The closed deals' history is generated (scripts/sample-data): its own file.
                    files:
                        sobject === 'Opportunity'
                            ? ['Opportunity.json', 'Opportunity_Closed.json']
                            : [`${sobject}.json`]
                })
            )
        );
    });

    it('uses the tree format with unique reference ids the CLI recognises as references', () => {
        const ids = new Set<string>();
        for (const entry of readPlan()) {
            for (const record of entry.files.flatMap(readTreeFile)) {
                expect(record.attributes.type).toBe(entry.sobject);
                // plugin-data treats only ^@\w+Ref\d+$ as a reference (functions.js, genericRefRegex).
                expect(record.attributes.referenceId).toMatch(/^\w+Ref\d+$/);
                expect(ids.has(record.attributes.referenceId)).toBe(false);
                ids.add(record.attributes.referenceId);
            }
        }
    });

    it('refers only to records loaded earlier in the plan', () => {
        const loaded = new Set<string>();
        const dangling: string[] = [];
        for (const entry of readPlan()) {
            const batch = entry.files.flatMap(readTreeFile);
            const refs = batch.flatMap((r) =>
                Object.values(fieldsOf(r)).filter(
                    (v): v is string => typeof v === 'string' && v.startsWith('@')
                )
            );
            dangling.push(...refs.filter((v) => !loaded.has(refOf(v))));
            batch.forEach((r) => loaded.add(r.attributes.referenceId));
        }
        expect(dangling).toEqual([]);
        expect(loaded.size).toBeGreaterThan(50);
    });

    it('holds the parent Opportunity in each scorecard key, one scorecard per Opportunity', () => {
        const scorecards = records(SC);
        for (const s of scorecards) expect(s.Opportunity_Key__c).toBe(s.Opportunity__c);
        expect(new Set(scorecards.map((s) => s.Opportunity__c)).size).toBe(scorecards.length);
    });

    it('is resolved by the installed sf CLI: a reference in the text key becomes the Opportunity Id', () => {
        // importPlan.js replaces any field whose value is exactly "@<referenceId>", not only lookups.
        const module = path.join(
            repoRoot,
            'node_modules',
            '@salesforce',
            'plugin-data',
            'lib',
            'api',
            'data',
            'tree',
            'importPlan.js'
        );
        const script = `const { replaceRefs } = await import(${JSON.stringify(`file://${module}`)});
            const [records, results] = JSON.parse(process.argv[1]);
            process.stdout.write(JSON.stringify(replaceRefs(results)(records)));`;
        const results = records('Opportunity').map((o, i) => ({
            refId: o.attributes.referenceId,
            type: 'Opportunity',
            id: `006000000000${String(i + 1).padStart(3, '0')}AAA`
        }));
        const input = JSON.stringify([records(SC).map(fieldsOf), results]);
        const out = JSON.parse(
            execFileSync(process.execPath, ['--input-type=module', '-e', script, input], {
                encoding: 'utf8',
                timeout: 60000
            })
        ) as Record<string, string>[];
        expect(out).toHaveLength(records(SC).length);
        for (const s of out) {
            expect(s.Opportunity_Key__c).toMatch(/^006\w{15}$/);
            expect(s.Opportunity_Key__c).toBe(s.Opportunity__c);
        }
    });
});

describe('sample data fields', () => {
    const metadata = fieldsByObject();
    const picklists = new Map(PICKLIST_FIELDS.map((d) => [`${d.object}.${d.field}`, d]));

    it.each([SA, SC, SL])('%s records use only existing input fields with valid values', (object) => {
        const derived = new Set(DERIVED_FIELDS[object]);
        for (const record of records(object)) {
            for (const [field, value] of Object.entries(fieldsOf(record))) {
                expect(`${field}:${field === 'Name' || metadata.get(object)?.has(field)}`).toBe(
                    `${field}:true`
                );
                expect(derived.has(field)).toBe(false);
                const def = picklists.get(`${object}.${field}`);
                const values = def ? String(value).split(';') : [];
                for (const v of values) expect(def!.values.map((x) => x.value)).toContain(v);
            }
        }
    });

    it('passes the validation rules the org enforces', () => {
        const today = new Date().toISOString().slice(0, 10);
        for (const s of records(SA)) {
            expect(Boolean(s.Contact__c) || String(s.Name ?? '').trim().length > 0).toBe(true);
            expect(String(s.Assessed_On__c) <= today).toBe(true);
            expect(!s.Next_Action_Due__c || String(s.Next_Action__c ?? '').trim().length > 0).toBe(true);
        }
        const assessmentOpportunity = new Map(
            records(SA).map((s) => [s.attributes.referenceId, s.Opportunity__c])
        );
        for (const c of records(SC).filter((x) => x.Coach_Stakeholder__c)) {
            expect(assessmentOpportunity.get(refOf(c.Coach_Stakeholder__c))).toBe(c.Opportunity__c);
        }
        const keys = new Set<string>();
        for (const link of records(SL)) {
            const ref = link.attributes.referenceId;
            // People_Required, No_Self_Link, People_On_Link_Opportunity and the required type.
            expect(`${ref}:${Boolean(link.From_Stakeholder__c && link.To_Stakeholder__c)}`).toBe(
                `${ref}:true`
            );
            expect(link.From_Stakeholder__c).not.toBe(link.To_Stakeholder__c);
            expect(assessmentOpportunity.get(refOf(link.From_Stakeholder__c))).toBe(link.Opportunity__c);
            expect(assessmentOpportunity.get(refOf(link.To_Stakeholder__c))).toBe(link.Opportunity__c);
            expect(link.Link_Type__c).toBeTruthy();
            // The flow sets the key on import; the unique key refuses a second link like this one.
            expect(link.Link_Key__c).toBeUndefined();
            const key = linkKeyOf({
                opportunityId: String(link.Opportunity__c),
                from: String(link.From_Stakeholder__c),
                to: String(link.To_Stakeholder__c),
                type: String(link.Link_Type__c)
            });
            expect(keys.has(key)).toBe(false);
            keys.add(key);
        }
    });
});

describe('sample data coverage, scored by the model', () => {
    // As in the org after import: a record's Id is its reference, which the links' lookups hold.
    const withId = (r: TreeRecord): Record<string, unknown> => ({
        ...fieldsOf(r),
        Id: `@${r.attributes.referenceId}`
    });
    const stakeholdersOf = (opp: unknown) =>
        records(SA)
            .filter((s) => s.Opportunity__c === opp)
            .map(withId);
    const maps = new Map<unknown, PoliticalMap>(
        records('Opportunity').map((o) => {
            const id = `@${o.attributes.referenceId}`;
            const links = records(SL)
                .filter((l) => l.Opportunity__c === id)
                .map(withId);
            return [id, buildPoliticalMap(stakeholdersOf(id), links, { opportunityId: id })];
        })
    );
    const stakeholderScores = records(SA).map((s) =>
        scoreStakeholder(withId(s), { scoredAt: SCORED_AT }, maps.get(s.Opportunity__c))
    );
    const scorecardScores = records(SC).map((c) =>
        scoreScorecard(
            c,
            stakeholdersOf(c.Opportunity__c),
            { scoredAt: SCORED_AT },
            maps.get(c.Opportunity__c)
        )
    );
    const codes = (joined: (string | null)[]) => new Set(joined.flatMap((j) => (j ? j.split(';') : [])));
    // Only links raise the codes of contract v1.1, and the data cannot hold links before their metadata.
    const reachable = (all: string[]) => new Set(all.filter((c) => !LINK_CODES_AWAITING_METADATA.has(c)));

    it('has no input the model rejects, and every link is used', () => {
        expect(stakeholderScores.flatMap((s) => s.issues)).toEqual([]);
        expect(scorecardScores.flatMap((s) => s.issues)).toEqual([]);
        expect([...maps.values()].flatMap((m) => m.issues)).toEqual([]);
        expect([...maps.values()].reduce((n, m) => n + m.links.length, 0)).toBe(records(SL).length);
    });

    it("reproduces the case study's politics: two camps, someone behind a middle manager, a rival pair", () => {
        const caseOpp = `@${records('Opportunity').find((o) => String(o.Name).includes('Vitamin'))!.attributes.referenceId}`;
        const map = maps.get(caseOpp)!;
        const person = (id: string) => map.people.get(id)!;
        const camps = campGroupsOf(map.stakeholders).filter((g) => g.camp !== null);
        expect(camps.length).toBeGreaterThanOrEqual(2);
        for (const camp of camps) expect(camp.stakeholders.length).toBeGreaterThanOrEqual(2);
        // 背后另有其人: a department head speaks for the top decision maker.
        expect(
            map.links.some(
                (l) =>
                    l.type === 'Acts_For' &&
                    person(l.from).role === 'Department_Head' &&
                    person(l.to).topDecisionMaker
            )
        ).toBe(true);
        // The rival pair stands in different camps.
        const rivals = map.links.filter((l) => l.type === 'Rival');
        expect(rivals.length).toBeGreaterThan(0);
        for (const l of rivals) expect(person(l.from).camp).not.toBe(person(l.to).camp);
        // Someone against us steers the top decision maker, so the Win claim is undermined here.
        const caseScore = scorecardScores[records(SC).findIndex((c) => c.Opportunity__c === caseOpp)];
        expect(caseScore.derived.Evidence_Codes__c?.split(';')).toContain('WIN_UNDERMINED');
    });

    it('holds a weak link from someone against us that pulls on nobody, and a blank strength', () => {
        const weak = [...maps.values()].flatMap((m) =>
            m.links.filter((l) => l.strength === 'Weak' && l.type === 'Influences').map((l) => ({ m, l }))
        );
        expect(weak.length).toBeGreaterThan(0);
        for (const { m, l } of weak) {
            expect(['Non_Supporter', 'Opponent']).toContain(m.people.get(l.from)!.attitudeToUs);
            expect((m.opposingPullers.get(l.to) ?? []).map((p) => p.id)).not.toContain(l.from);
        }
        // A blank strength counts as Medium.
        expect(records(SL).some((l) => l.Strength__c === undefined)).toBe(true);
    });

    it('reaches every control band', () => {
        expect(new Set(scorecardScores.map((s) => s.derived.Control_Band__c))).toEqual(
            new Set(BANDS.map((b) => b.band))
        );
    });

    it('shows the veto and the Controlled gate at work', () => {
        expect(scorecardScores.some((s) => s.vetoApplied)).toBe(true);
        expect(scorecardScores.some((s) => s.gateApplied)).toBe(true);
    });

    it('raises every evidence code', () => {
        expect(codes(scorecardScores.map((s) => s.derived.Evidence_Codes__c))).toEqual(
            reachable(Object.keys(EVIDENCE))
        );
    });

    it('raises every insight code', () => {
        expect(codes(stakeholderScores.map((s) => s.derived.Insight_Codes__c))).toEqual(
            reachable(Object.keys(INSIGHTS))
        );
    });

    it('contains unknown dimensions, an unknown attitude and a fully unknown person', () => {
        const completeness = stakeholderScores.map((s) => s.derived.Completeness__c);
        expect(completeness).toContain(0);
        expect(completeness.filter((c) => c > 0 && c < 100).length).toBeGreaterThan(0);
        expect(stakeholderScores.some((s) => s.derived.Support_Index__c === null)).toBe(true);
    });

    it('has a deal without a scorecard and contacts not yet assessed', () => {
        const scored = new Set(records(SC).map((s) => s.Opportunity__c));
        expect(records('Opportunity').some((o) => !scored.has(`@${o.attributes.referenceId}`))).toBe(true);
        const assessed = new Set(records(SA).map((s) => `${s.Opportunity__c}|${s.Contact__c}`));
        const unassessed = records('OpportunityContactRole').filter(
            (r) => !assessed.has(`${r.OpportunityId}|${r.ContactId}`)
        );
        expect(unassessed.length).toBeGreaterThan(0);
        // Assessments without a Contact (a name only) are allowed and present.
        expect(records(SA).some((s) => !s.Contact__c)).toBe(true);
    });

    it("contains the method's case study: the vitamin maker's committee, consultants and vendors", () => {
        const caseOpp = records('Opportunity').find((o) => String(o.Name).includes('Vitamin'))!;
        const people = stakeholdersOf(`@${caseOpp.attributes.referenceId}`);
        const byName = (needle: string) => people.find((p) => String(p.Name).includes(needle));
        expect(byName('Wang Jian')?.Role__c).toBe('VP_In_Charge');
        expect(byName('Qiu Ming')?.Role__c).toBe('IT_Head');
        expect(byName('Wang Li')?.Role__c).toBe('Department_Head');
        expect(byName('Zhang Tao')?.Role__c).toBe('IT_Staff');
        expect(byName('Wang Cheng')).toBeDefined();
        expect(byName('Xia Hong')).toBeDefined();
        expect(
            people.some((p) => p.Role__c === 'External_Consultant' && String(p.Title__c).includes('AMT'))
        ).toBe(true);
        // Family name first, as the method's case names its people (Li Jing is 李静).
        const contacts = records('Contact').map((c) => `${String(c.LastName)} ${String(c.FirstName)}`);
        expect(contacts).toContain('Li Jing');
        expect(String(caseOpp.Description)).toMatch(/February 2008/);
        for (const vendor of ['Yonyou', 'Kingdee', 'CDC'])
            expect(JSON.stringify([...data.values()])).toContain(vendor);
    });

    it('keeps every data file in the plan (nothing unplanned in data/)', () => {
        const planned = readPlan().flatMap((e) => e.files);
        const jsonFiles = fs
            .readdirSync(dataDir)
            .filter((f) => f.endsWith('.json') && f !== 'sample-data-plan.json');
        expect(jsonFiles.sort()).toEqual([...planned].sort());
    });
});

describe('sample snapshots and closed deals (MODEL.md Part E)', () => {
    const metadata = fieldsByObject().get(CS)!;
    const snapshots = records(CS);
    const opportunities = records('Opportunity');
    const opportunity = new Map(opportunities.map((o) => [`@${o.attributes.referenceId}`, o]));
    const closed = opportunities.filter((o) => String(o.StageName).startsWith('Closed'));
    const DAY = 86_400_000;
    const days = (from: unknown, to: unknown) => (Date.parse(String(to)) - Date.parse(String(from))) / DAY;

    it('use only fields the object defines and leave the formula and the key to the org', () => {
        for (const s of snapshots) {
            for (const field of Object.keys(fieldsOf(s)))
                expect(`${field}:${metadata.has(field)}`).toBe(`${field}:true`);
            // A tree import cannot build "<Opportunity Id>:<date>" (it replaces whole "@Ref" values only).
            expect(s.Snapshot_Key__c).toBeUndefined();
            expect(s.Days_To_Close__c).toBeUndefined();
        }
    });

    it('pass the validation rules and hold values a scored scorecard can have', () => {
        for (const s of snapshots) {
            expect(String(s.Snapshot_Date__c)).toMatch(/^\d{4}-\d{2}-\d{2}$/);
            const score = Number(s.Control_Score__c);
            expect(Number.isInteger(score) && score >= 0 && score <= 100).toBe(true);
            const band = BANDS.find((b) => b.band === s.Control_Band__c)!;
            expect(band.rank).toBe(s.Band_Rank__c);
            // The thresholds of the model, except the Controlled gate (Leading) and the Win = Against cap (Losing, ≤ 10).
            const byScore = bandOfScore(score);
            const allowed = [
                byScore,
                ...(byScore === 'Controlled' ? ['Leading'] : []),
                ...(score <= 10 ? ['Losing'] : [])
            ];
            expect(allowed).toContain(band.band);
            expect(Number(s.Probability__c) >= 0 && Number(s.Probability__c) <= 100).toBe(true);
            expect([0.5, 0.75, 0.9, 1]).toContain(s.Coach_Factor__c);
            expect(opportunity.has(String(s.Opportunity__c))).toBe(true);
        }
    });

    it('hold at most one snapshot per deal per day, as Snapshot_Key__c would', () => {
        const keys = snapshots.map((s) => `${s.Opportunity__c}:${s.Snapshot_Date__c}`);
        expect(new Set(keys).size).toBe(keys.length);
    });

    it('cover 120 days of every open deal that has a scorecard, and none of the deal without one', () => {
        const scored = new Set(records(SC).map((c) => String(c.Opportunity__c)));
        const open = opportunities.filter((x) => !String(x.StageName).startsWith('Closed'));
        const datesOf = (o: TreeRecord) =>
            snapshots
                .filter((s) => s.Opportunity__c === `@${o.attributes.referenceId}`)
                .map((s) => String(s.Snapshot_Date__c))
                .sort();
        const unscored = open.filter((o) => !scored.has(`@${o.attributes.referenceId}`));
        expect(unscored.length).toBeGreaterThan(0);
        expect(unscored.flatMap(datesOf)).toEqual([]);
        for (const o of open.filter((x) => scored.has(`@${x.attributes.referenceId}`))) {
            const dates = datesOf(o);
            expect(days(dates[0], dates[dates.length - 1])).toBeGreaterThanOrEqual(119);
            expect(dates.every((d) => d <= String(o.CloseDate))).toBe(true);
        }
    });

    it('include more than 30 closed deals, won and lost, with snapshots only while they were open', () => {
        expect(closed.length).toBeGreaterThan(30);
        expect(new Set(closed.map((o) => o.StageName))).toEqual(new Set(['Closed Won', 'Closed Lost']));
        const today = new Date().toISOString().slice(0, 10);
        for (const o of closed) {
            expect(String(o.CloseDate) < today).toBe(true);
            const mine = snapshots.filter((s) => s.Opportunity__c === `@${o.attributes.referenceId}`);
            expect(mine.length).toBeGreaterThan(0);
            for (const s of mine) expect(days(s.Snapshot_Date__c, o.CloseDate)).toBeGreaterThan(0);
        }
    });
});
