// People in the sample data and the component fixtures carry a name, and separately a title: an
// honorific such as 王总 (Wang Zong), 仇经理 or 张工 is a way of addressing a title, not a name. The
// English sample data uses pinyin names; the Chinese fixtures the same people in characters, as the
// cast list of docs/admin.md pairs them.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { dataDir, defaultDir, listFiles, rel, repoRoot } from '../metadata/support/repo';

interface Person {
    readonly where: string;
    readonly name: string;
    readonly title: string | null;
}

const valueOf = (v: unknown): string | null =>
    typeof v === 'string'
        ? v
        : typeof v === 'object' && v !== null && typeof (v as { value?: unknown }).value === 'string'
          ? (v as { value: string }).value
          : null;

/** Records and GraphQL nodes that describe a person: assessments and contacts. */
function peopleIn(file: string): Person[] {
    const people: Person[] = [];
    const walk = (node: unknown, where: string): void => {
        if (typeof node !== 'object' || node === null) return;
        const o = node as Record<string, unknown>;
        const type = (o.attributes as { type?: string } | undefined)?.type;
        const isPerson =
            type === 'Contact' ||
            type === 'Stakeholder_Assessment__c' ||
            /Stakeholder_Assessment__c\.edges\[\d+\]\.node$|\.Contact$/.test(where);
        if (isPerson) {
            const name =
                valueOf(o.Name) ??
                [valueOf(o.LastName), valueOf(o.FirstName)].filter((n) => n !== null).join(' ');
            people.push({
                where: `${rel(file)} ${where}`,
                name,
                title: valueOf(o.Title__c) ?? valueOf(o.Title)
            });
        }
        for (const [key, child] of Object.entries(o)) {
            walk(child, Array.isArray(o) ? `${where}[${key}]` : `${where}.${key}`);
        }
    };
    walk(JSON.parse(fs.readFileSync(file, 'utf8')), '$');
    return people;
}

const HONORIFIC_ZH = /^\p{Script=Han}{1,2}(?:总|经理|工|顾问|主任|老师|处长|科长|局长|部长|厂长)$/u;
const HONORIFIC_PINYIN =
    /^[A-Z][a-z]+ (?:Zong|Jingli|Gong|Guwen|Zhuren|Laoshi|Chuzhang|Kezhang|Juzhang|Buzhang|Changzhang)$/;

/** Why a person's name is not a name (empty when it is one). */
function nameProblems(person: Person, pinyinOnly: boolean): string[] {
    const { name, title } = person;
    const problems: string[] = [];
    if (HONORIFIC_ZH.test(name) || HONORIFIC_PINYIN.test(name)) problems.push('an honorific, not a name');
    if (/[(（]/.test(name)) problems.push('a title or gloss in brackets: put the title in Title__c');
    if (title !== null && name.toLowerCase() === title.toLowerCase())
        problems.push('the title used as the name');
    if (pinyinOnly && !/^[A-Z][a-z]+(?: [A-Z][a-z]+)+$/.test(name))
        problems.push('not a pinyin name (family name first)');
    return problems.map((p) => `${person.where}: "${name}" is ${p}`);
}

const dataFiles = listFiles(dataDir, (f) => f.endsWith('.json'));
const fixtureFiles = listFiles(path.join(defaultDir, 'lwc'), (f) => /__tests__\/.*\.json$/.test(f));

describe('sample people', () => {
    const english = dataFiles.flatMap(peopleIn);
    const chinese = fixtureFiles.flatMap(peopleIn);

    it('are found in the sample data and the component fixtures', () => {
        expect(english.length).toBeGreaterThan(20);
        expect(chinese.length).toBeGreaterThan(10);
    });

    it('have pinyin names in the English sample data, never an honorific or a title', () => {
        expect(english.flatMap((p) => nameProblems(p, true))).toEqual([]);
    });

    it('have names in the Chinese fixtures, never an honorific or a title', () => {
        expect(chinese.flatMap((p) => nameProblems(p, false))).toEqual([]);
    });

    it('are the same people in both languages, as the cast list of docs/admin.md pairs them', () => {
        const guide = fs.readFileSync(path.join(repoRoot, 'docs', 'admin.md'), 'utf8');
        const cast = [
            ...guide.matchAll(/^\s*- ([A-Z][a-z]+ [A-Z][a-z]+) \((\p{Script=Han}+)\), [^(]*\(([^)]+)\)/gmu)
        ];
        expect(cast.length).toBeGreaterThanOrEqual(8);
        const fixture = peopleIn(
            path.join(defaultDir, 'lwc', 'dealControlData', '__tests__', 'data', 'dealVitaminErp.json')
        );
        for (const [, pinyin, hanzi, titleZh] of cast) {
            expect({ pinyin, inData: english.some((p) => p.name === pinyin) }).toEqual({
                pinyin,
                inData: true
            });
            const inFixture = fixture.filter((p) => p.name === hanzi);
            expect({ hanzi, inFixture: inFixture.length > 0 }).toEqual({ hanzi, inFixture: true });
            for (const p of inFixture) expect({ hanzi, title: p.title }).toEqual({ hanzi, title: titleZh });
        }
    });

    // Negative cases: the names the glossary issue quotes, and titles used as names.
    it.each([
        ['Wang Zong (王总)', null, 'a title or gloss in brackets'],
        ['Qiu Jingli', null, 'an honorific'],
        ['Zhang Gong', null, 'an honorific'],
        ['王总', '分管信息化副总', 'an honorific'],
        ['张工', null, 'an honorific'],
        ['Plant manager (厂长)', 'Plant manager', 'a title or gloss in brackets'],
        ['Head of IT', 'Head of IT', 'the title used as the name']
    ])('rejects %s', (name, title, problem) => {
        expect(nameProblems({ where: 'x.json', name, title }, true).join('\n')).toContain(problem);
    });

    it('accepts real names, including surnames that look like honorifics elsewhere', () => {
        for (const name of ['Wang Jian', 'Dong Wei', 'Gong Li', 'Zhao Fang'])
            expect(nameProblems({ where: 'x.json', name, title: 'VP' }, true)).toEqual([]);
        for (const name of ['王建', '赵芳', '仇明'])
            expect(nameProblems({ where: 'x.json', name, title: null }, false)).toEqual([]);
    });
});
