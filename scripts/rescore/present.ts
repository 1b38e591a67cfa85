import { BANDS, ControlBand, EvidenceDef, bandDef, t } from 'c/dealControlModel';
import { ObjectCounts } from './engine';
import { fill, say } from '../shared/i18n';
import { RescoreObject, SCORECARD_OBJECT, STAKEHOLDER_LINK_OBJECT, STAKEHOLDER_OBJECT } from './derived';

/** Width of text in a terminal: Chinese characters take two columns. */
export function displayWidth(text: string): number {
    let width = 0;
    for (const ch of text) {
        const code = ch.codePointAt(0)!;
        width +=
            code >= 0x1100 &&
            (code <= 0x115f ||
                (code >= 0x2e80 && code <= 0xa4cf) ||
                (code >= 0xac00 && code <= 0xd7a3) ||
                (code >= 0xf900 && code <= 0xfaff) ||
                (code >= 0xfe30 && code <= 0xfe4f) ||
                (code >= 0xff00 && code <= 0xff60) ||
                (code >= 0xffe0 && code <= 0xffe6))
                ? 2
                : 1;
    }
    return width;
}

export function padEnd(text: string, width: number): string {
    return text + ' '.repeat(Math.max(0, width - displayWidth(text)));
}

/** Splits text into lines no wider than width, at spaces where possible (Chinese breaks anywhere). */
export function wrap(text: string, width: number): string[] {
    const lines: string[] = [];
    let line = '';
    for (const word of text.split(/(?<= )/)) {
        if (displayWidth(line + word) <= width) {
            line += word;
            continue;
        }
        if (line.trim() !== '') lines.push(line.trimEnd());
        line = '';
        for (const ch of word) {
            if (displayWidth(line + ch) > width) {
                lines.push(line);
                line = '';
            }
            line += ch;
        }
    }
    if (line.trim() !== '') lines.push(line.trimEnd());
    return lines.length === 0 ? [''] : lines;
}

/** Wraps text under a bullet: the first line starts with `first`, the others line up after it. */
function hanging(first: string, rest: string, text: string, width: number): string[] {
    return wrap(text, width - displayWidth(first)).map((line, i) => (i === 0 ? first : rest) + line);
}

export interface TableRow {
    readonly opportunity: string;
    readonly score: number;
    readonly band: ControlBand;
    readonly findings: readonly EvidenceDef[];
}

/**
 * The readable result of a small run: one block per Opportunity, best-controlled first, with each
 * evidence finding and the action that would settle it.
 */
export function renderTable(rows: readonly TableRow[], width: number): string {
    const nameWidth = Math.min(44, Math.max(...rows.map((r) => displayWidth(r.opportunity)), 12));
    const heads = [
        say(t('Opportunity', '业务机会')),
        say(t('Score', '得分')),
        say(t('Band', '控单区间')),
        say(t('Evidence findings', '存疑提示'))
    ];
    const bandWidth = Math.max(...BANDS.map((b) => displayWidth(say(b.label))), displayWidth(heads[2]));
    const findingsIndent = nameWidth + 2 + 5 + 2 + bandWidth + 2;
    const findingsWidth = Math.max(30, width - findingsIndent);
    const out: string[] = [
        `${padEnd(heads[0], nameWidth)}  ${padEnd(heads[1], 5)}  ${padEnd(heads[2], bandWidth)}  ${heads[3]}`,
        '─'.repeat(Math.min(width, findingsIndent + findingsWidth))
    ];
    const sorted = [...rows].sort(
        (a, b) =>
            bandDef(b.band).rank - bandDef(a.band).rank ||
            b.score - a.score ||
            a.opportunity.localeCompare(b.opportunity)
    );
    for (const row of sorted) {
        const names = wrap(row.opportunity, nameWidth);
        const findings: string[] =
            row.findings.length === 0
                ? [say(t('none: the map supports every claim', '无：多维汇总印证了所有判断'))]
                : [];
        for (const finding of row.findings) {
            findings.push(...hanging('• ', '  ', say(finding.message), findingsWidth));
            findings.push(...hanging('  → ', '    ', say(finding.action), findingsWidth));
        }
        const lines = Math.max(names.length, findings.length);
        for (let i = 0; i < lines; i += 1) {
            const first = i === 0;
            out.push(
                `${padEnd(names[i] ?? '', nameWidth)}  ${(first ? String(row.score) : '').padStart(5)}  ${padEnd(first ? say(bandDef(row.band).label) : '', bandWidth)}  ${findings[i] ?? ''}`.trimEnd()
            );
        }
        out.push('');
    }
    return out.join('\n');
}

const OBJECT_LABEL: Readonly<Record<RescoreObject, ReturnType<typeof t>>> = {
    [STAKEHOLDER_OBJECT]: t('Stakeholder assessments', '五维评估'),
    [SCORECARD_OBJECT]: t('C139 scorecards', 'C139 记分卡'),
    [STAKEHOLDER_LINK_OBJECT]: t('Stakeholder links', '采购决策者关系')
};

export interface SummaryView {
    readonly mode: 'dry-run' | 'apply' | 'check' | 'csv';
    readonly objects: Readonly<Record<RescoreObject, ObjectCounts>>;
    readonly bands: Readonly<Record<ControlBand, number>>;
    readonly changesByField: Readonly<Record<string, number>>;
    readonly problemsByCode: Readonly<Record<string, number>>;
    readonly linkIssuesByCode: Readonly<Record<string, number>>;
    readonly apiCalls: number | null;
    readonly apiUsage: { readonly used: number; readonly max: number } | null;
    readonly elapsedMs: number;
}

function codeCounts(byCode: Readonly<Record<string, number>>): string {
    return Object.entries(byCode)
        .map(([code, n]) => `${code} ${n}`)
        .join(', ');
}

/** Links are read, never written; the ones the model leaves out are warnings for the admin. */
function linksLine(view: SummaryView): string {
    const issues = codeCounts(view.linkIssuesByCode);
    const counts = say(
        fill(t('{label}: {read} read (never written)', '{label}：读取 {read} 条（从不写入）'), {
            label: say(OBJECT_LABEL[STAKEHOLDER_LINK_OBJECT]),
            read: view.objects[STAKEHOLDER_LINK_OBJECT].read
        })
    );
    if (issues === '') return counts;
    return (
        counts +
        say(
            fill(
                t(
                    '; warnings, links left out or read with a default (see --report for each link): {issues}',
                    '；警示，被忽略或按默认值读取的关系（每条关系见 --report）：{issues}'
                ),
                { issues }
            )
        )
    );
}

/** The final summary: records by band, changes by field, problems, API calls and time. */
export function renderSummary(view: SummaryView): string {
    const lines: string[] = [];
    const verb =
        view.mode === 'apply'
            ? t('changed and written', '已变更并写入')
            : view.mode === 'check'
              ? t('differ from the model (drift)', '与模型不符（偏差）')
              : view.mode === 'csv'
                ? t('changed (in the output files)', '有变化（已写入输出文件）')
                : t('would change (dry run: nothing written)', '将会变更（试运行：未写入）');
    for (const object of [STAKEHOLDER_OBJECT, SCORECARD_OBJECT] as const) {
        const c = view.objects[object];
        let line = say(
            fill(t('{label}: {read} read, {changed} {verb}', '{label}：读取 {read} 条，{changed} 条{verb}'), {
                label: say(OBJECT_LABEL[object]),
                read: c.read,
                changed: c.changed,
                verb: say(verb)
            })
        );
        if (view.mode === 'apply') {
            line += say(
                fill(t(', {written} written, {failed} failed', '，写入 {written} 条，失败 {failed} 条'), {
                    written: c.written,
                    failed: c.failed
                })
            );
        }
        lines.push(line);
    }
    lines.push(linksLine(view));
    const bands = BANDS.map((b) => `${say(b.label)} ${view.bands[b.band]}`).join(' · ');
    lines.push(say(fill(t('Scorecards by band: {bands}', '记分卡的控单区间分布：{bands}'), { bands })));
    const fields = Object.entries(view.changesByField)
        .sort((a, b) => b[1] - a[1])
        .map(([f, n]) => `${f} ${n}`)
        .join(', ');
    lines.push(
        say(fill(t('Changes by field: {fields}', '按字段统计的变更：{fields}'), { fields: fields || '—' }))
    );
    const problems = codeCounts(view.problemsByCode);
    if (problems !== '') {
        lines.push(
            say(
                fill(
                    t(
                        'Data problems (scored as unknown; see --report for each record): {problems}',
                        '数据问题（按不清楚计分；每条记录见 --report）：{problems}'
                    ),
                    { problems }
                )
            )
        );
    }
    if (view.apiCalls !== null) {
        const usage = view.apiUsage
            ? say(fill(t(' (org: {used}/{max} today)', '（组织今日：{used}/{max}）'), view.apiUsage))
            : '';
        lines.push(
            say(fill(t('API calls: {n}{usage}', 'API 调用：{n} 次{usage}'), { n: view.apiCalls, usage }))
        );
    }
    lines.push(say(fill(t('Time: {s} s', '用时：{s} 秒'), { s: (view.elapsedMs / 1000).toFixed(1) })));
    return lines.join('\n');
}

/** A one-line progress bar on stderr, redrawn at most every 100 ms, only when stderr is a terminal. */
export class Progress {
    private last = 0;
    private shown = false;

    constructor(
        private readonly enabled: boolean,
        private readonly stream: NodeJS.WriteStream = process.stderr
    ) {}

    update(
        counts: { read: number; scored: number; written: number; failed: number },
        total: number | null,
        force = false
    ): void {
        if (!this.enabled) return;
        const now = Date.now();
        if (!force && now - this.last < 100) return;
        this.last = now;
        const ratio = total && total > 0 ? Math.min(1, counts.read / total) : null;
        const bar =
            ratio === null
                ? ''
                : `[${'#'.repeat(Math.round(ratio * 24)).padEnd(24, '.')}] ${Math.floor(ratio * 100)}% `;
        const text = say(
            fill(
                t(
                    '{bar}read {read} · scored {scored} · written {written} · failed {failed}',
                    '{bar}读取 {read} · 评分 {scored} · 写入 {written} · 失败 {failed}'
                ),
                {
                    bar,
                    ...counts
                }
            )
        );
        this.stream.write(`\r${text}\x1b[K`);
        this.shown = true;
    }

    done(): void {
        if (this.enabled && this.shown) this.stream.write('\r\x1b[K');
        this.shown = false;
    }
}
