import {
    AGAINST_SCORE_CAP,
    BANDS,
    C139_ELEMENTS,
    C139_GROUP_LABELS,
    C139Group,
    COACH_FACTOR_PERCENT,
    EVIDENCE,
    INSIGHTS,
    Lang,
    MODEL_VERSION,
    OTHER_NEEDS,
    STAKEHOLDER_PICKLISTS,
    WORK_NEXT_REASONS,
    scoreScorecard
} from 'c/dealControlModel';
import { MarkdownTable, backticked, tablesOf } from './markdownTables';

/**
 * Checks the method guides (docs/method.md, docs/method.zh-CN.md) against the scoring model: every
 * table of values, points, factors, bands and codes must say what the model computes, in the guide's
 * language, and every code the model raises must be explained. Returns the problems, worded so the
 * person who changed the model or the guide knows which row to fix.
 */

const plain = (cell: string) => cell.replace(/\*\*/g, '').trim();
const ticked = backticked;

/** Table headers per language, by the job of the table. */
export const HEADERS: Readonly<Record<Lang, Readonly<Record<string, string>>>> = {
    en: {
        facts: 'Fact|Field|Values',
        dimensions: 'Dimension|Field|Values',
        insights: 'Code|Raised when',
        reasons: 'Reason|Severity',
        elements: 'Group|Element|Field',
        points: 'Group|Answer|Points|Weight|Group maximum',
        coach: 'Coach|Factor',
        bands: 'Band|Name|Rank|From score',
        evidence: 'Code|Questions|Raised when'
    },
    zh: {
        facts: '信息|字段|取值',
        dimensions: '维度|字段|取值',
        insights: '代码|何时提示',
        reasons: '原因|紧迫度',
        elements: '组|要素|字段',
        points: '组|回答|得分|权重|本组满分',
        coach: '教练|系数',
        bands: '控单区间|名称|序号|起始得分',
        evidence: '代码|质疑的判断|何时提示'
    }
};

const POINT_GROUPS: Readonly<Record<Lang, Readonly<Record<string, C139Group>>>> = {
    en: { Clear: 'Clear', First: 'First', Win: 'Win' },
    zh: { 清楚: 'Clear', 第一: 'First', 赢: 'Win' }
};
const VETO_CAP: Readonly<Record<Lang, RegExp>> = { en: /caps the score at (\d+)/, zh: /得分封顶\s*(\d+)/ };

function modelMinor(): number {
    const m = /v(\d+)\.(\d+)/.exec(MODEL_VERSION);
    return m ? Number(m[1]) * 100 + Number(m[2]) : 0;
}

function groupPoints(group: C139Group, values: Record<string, string>): number {
    const derived = scoreScorecard({ Coach__c: 'Confirmed_In_Decision_Body', ...values }, [], {
        scoredAt: ''
    }).derived;
    return group === 'Clear'
        ? derived.Clear_Points__c
        : group === 'First'
          ? derived.First_Points__c
          : derived.Win_Points__c;
}

export function checkMethodDoc(markdown: string, lang: Lang, file: string): string[] {
    const problems: string[] = [];
    const at = (line: number, message: string) => problems.push(`${file}:${line}: ${message}`);
    const tables = tablesOf(markdown);
    const headers = HEADERS[lang];
    const table = (job: string): MarkdownTable | undefined => {
        const found = tables.find((t) => t.header === headers[job]);
        if (!found) problems.push(`${file}: no table "| ${headers[job].split('|').join(' | ')} |" (${job})`);
        return found;
    };

    // Person facts and the five dimensions: label, field, every value with its label, in the model's order.
    const picklistRows = [...(table('facts')?.rows ?? []), ...(table('dimensions')?.rows ?? [])];
    for (const def of STAKEHOLDER_PICKLISTS.filter((d) => d !== OTHER_NEEDS)) {
        const row = picklistRows.find((r) => ticked(r.cells[1] ?? '').includes(def.field));
        if (!row) {
            problems.push(`${file}: no row for \`${def.field}\` (${def.label[lang]})`);
            continue;
        }
        if (plain(row.cells[0]) !== def.label[lang])
            at(
                row.line,
                `\`${def.field}\` is called "${def.label[lang]}" in the model, not "${plain(row.cells[0])}"`
            );
        const listed = ticked(row.cells[2] ?? '');
        const expected = def.values.map((v) => v.value);
        if (listed.join(',') !== expected.join(','))
            at(
                row.line,
                `\`${def.field}\` values are ${expected.join(', ')} in the model, the guide lists ${listed.join(', ')}`
            );
        for (const v of def.values) {
            if (!(row.cells[2] ?? '').includes(`\`${v.value}\` ${v.label[lang]}`))
                at(row.line, `\`${v.value}\` should read "\`${v.value}\` ${v.label[lang]}"`);
        }
    }
    for (const row of picklistRows) {
        const field = ticked(row.cells[1] ?? '')[0];
        if (!STAKEHOLDER_PICKLISTS.some((d) => d.field === field))
            at(row.line, `\`${field}\` is not a picklist of the model`);
    }

    // Work on next: each reason with its severity.
    const reasons = table('reasons')?.rows ?? [];
    for (const def of WORK_NEXT_REASONS) {
        const row = reasons.find((r) => ticked(r.cells[0])[0] === def.reason);
        if (!row) problems.push(`${file}: no row for the work-next reason \`${def.reason}\``);
        else if (Number(row.cells[1]) !== def.severity)
            at(row.line, `\`${def.reason}\` has severity ${def.severity} in the model, not ${row.cells[1]}`);
    }
    for (const row of reasons) {
        if (!WORK_NEXT_REASONS.some((d) => d.reason === ticked(row.cells[0])[0]))
            at(row.line, `${row.cells[0]} is not a work-next reason of the model`);
    }

    // The 14 elements, in order, with group and label.
    const elements = table('elements')?.rows ?? [];
    if (
        elements.map((r) => ticked(r.cells[2] ?? '')[0]).join(',') !==
        C139_ELEMENTS.map((e) => e.field).join(',')
    ) {
        problems.push(
            `${file}: the elements table must list ${C139_ELEMENTS.map((e) => e.field).join(', ')} in this order`
        );
    }
    for (const row of elements) {
        const def = C139_ELEMENTS.find((e) => e.field === ticked(row.cells[2] ?? '')[0]);
        if (!def) continue;
        if (plain(row.cells[0]) !== C139_GROUP_LABELS[def.group][lang])
            at(row.line, `\`${def.field}\` belongs to "${C139_GROUP_LABELS[def.group][lang]}"`);
        if (plain(row.cells[1]) !== def.label[lang])
            at(
                row.line,
                `\`${def.field}\` is called "${def.label[lang]}" in the model, not "${plain(row.cells[1])}"`
            );
    }

    // Points: each scoring answer, worked out by the model itself.
    const points = table('points')?.rows ?? [];
    const maxima = new Map<C139Group, number>();
    for (const row of points) {
        const group = POINT_GROUPS[lang][plain(row.cells[0])];
        const answer = ticked(row.cells[1] ?? '')[0];
        const element = C139_ELEMENTS.find((e) => e.group === group);
        if (!group || !element || !element.values.some((v) => v.value === answer)) {
            at(row.line, `"${plain(row.cells[0])}" / ${row.cells[1]} is not a group and answer of the model`);
            continue;
        }
        const [pts, weight, max] = [Number(row.cells[2]), Number(row.cells[3]), Number(row.cells[4])];
        const scored = groupPoints(group, { [element.field]: answer });
        if (pts * weight !== scored)
            at(row.line, `${group} \`${answer}\` scores ${scored} in the model, not ${pts} × ${weight}`);
        const best = element.values[element.values.length - 1].value;
        const full = groupPoints(
            group,
            Object.fromEntries(C139_ELEMENTS.filter((e) => e.group === group).map((e) => [e.field, best]))
        );
        if (max !== full) at(row.line, `the ${group} group's maximum is ${full} in the model, not ${max}`);
        maxima.set(group, full);
    }
    for (const element of C139_ELEMENTS.filter((e) => e.group !== 'Coach')) {
        for (const v of element.values) {
            const earns = groupPoints(element.group, { [element.field]: v.value }) > 0;
            const listed = points.some(
                (r) =>
                    POINT_GROUPS[lang][plain(r.cells[0])] === element.group &&
                    ticked(r.cells[1] ?? '')[0] === v.value
            );
            if (earns && !listed)
                problems.push(
                    `${file}: the points table has no row for ${element.group} \`${v.value}\`, which scores`
                );
        }
    }
    const total = [...maxima.values()].reduce((a, b) => a + b, 0);
    if (!markdown.includes(`/ ${total}`))
        problems.push(`${file}: the score formula must divide by the maximum, ${total} points`);

    // Coach factor.
    const coach = table('coach')?.rows ?? [];
    for (const [value, percent] of Object.entries(COACH_FACTOR_PERCENT)) {
        const row = coach.find((r) => ticked(r.cells[0])[0] === value);
        if (!row) problems.push(`${file}: no row for the coach value \`${value}\``);
        else if (Number(row.cells[1]) !== percent / 100)
            at(row.line, `\`${value}\` has factor ${percent / 100} in the model, not ${row.cells[1]}`);
    }

    // Bands, best first: name, rank, lowest score.
    const bands = table('bands')?.rows ?? [];
    if (bands.map((r) => ticked(r.cells[0])[0]).join(',') !== BANDS.map((b) => b.band).join(',')) {
        problems.push(
            `${file}: the bands table must list ${BANDS.map((b) => b.band).join(', ')} in this order`
        );
    }
    for (const row of bands) {
        const def = BANDS.find((b) => b.band === ticked(row.cells[0])[0]);
        if (!def) continue;
        if (plain(row.cells[1]) !== def.label[lang])
            at(
                row.line,
                `\`${def.band}\` is called "${def.label[lang]}" in the model, not "${plain(row.cells[1])}"`
            );
        if (Number(row.cells[2]) !== def.rank)
            at(row.line, `\`${def.band}\` has rank ${def.rank} in the model, not ${row.cells[2]}`);
        if (Number(row.cells[3]) !== def.minScore)
            at(row.line, `\`${def.band}\` starts at ${def.minScore} in the model, not ${row.cells[3]}`);
    }
    const cap = VETO_CAP[lang].exec(markdown);
    if (!cap || Number(cap[1]) !== AGAINST_SCORE_CAP)
        problems.push(`${file}: the veto must say the score is capped at ${AGAINST_SCORE_CAP}`);

    // Codes: the tables name only model codes, each with the claim it questions.
    for (const row of table('insights')?.rows ?? []) {
        const code = ticked(row.cells[0])[0];
        if (!(code in INSIGHTS)) at(row.line, `\`${code}\` is not an insight code of the model`);
    }
    for (const row of table('evidence')?.rows ?? []) {
        const code = ticked(row.cells[0])[0];
        const def = (EVIDENCE as Record<string, { claimField: string }>)[code];
        if (!def) at(row.line, `\`${code}\` is not an evidence code of the model`);
        else if (!ticked(row.cells[1] ?? '').includes(def.claimField))
            at(row.line, `\`${code}\` questions \`${def.claimField}\` in the model`);
    }

    // Every code the model raises is explained; every code the guide names exists, except the political
    // map's (contract v1.1), which may be named before the model that raises them ships.
    const known = new Set<string>([
        'MODEL_VERSION',
        ...Object.keys(INSIGHTS),
        ...Object.keys(EVIDENCE),
        ...WORK_NEXT_REASONS.map((r) => r.reason)
    ]);
    let section = '';
    markdown.split('\n').forEach((lineText, i) => {
        if (/^#{1,3} /.test(lineText)) section = lineText;
        for (const token of ticked(lineText)) {
            if (!/^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+$/.test(token) || known.has(token)) continue;
            const planned = /v1\.1/.test(section) && modelMinor() < 101;
            if (!planned) at(i + 1, `\`${token}\` is not a code of the model (${MODEL_VERSION})`);
        }
    });
    for (const code of [...Object.keys(INSIGHTS), ...Object.keys(EVIDENCE)]) {
        if (!markdown.includes(`\`${code}\``))
            problems.push(`${file}: the model raises \`${code}\`; explain it in the guide`);
    }
    return problems;
}
