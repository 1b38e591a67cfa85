// Prints the scoring model as a Markdown reference (values, meanings, rep guidance, bands, codes)
// in English or Chinese, straight from the shared TypeScript model, so admins and trainers read
// exactly what the components and the rescore script use.
//   npm run model:describe -- [--lang en|zh]
import {
    BANDS,
    C139_ELEMENTS,
    C139_GROUP_LABELS,
    CAMP,
    EVIDENCE,
    INSIGHTS,
    LINK_ISSUES,
    LINK_PICKLISTS,
    Lang,
    MODEL_VERSION,
    STAKEHOLDER_PICKLISTS,
    PicklistFieldDef
} from 'c/dealControlModel';

const HEADINGS = {
    en: {
        title: 'Deal Control scoring model',
        stakeholder: 'Stakeholder assessment',
        scorecard: 'C139 scorecard',
        bands: 'Control bands',
        insights: 'Stakeholder insight codes',
        evidence: 'Evidence codes',
        value: 'Value',
        meaning: 'Meaning',
        guidance: 'What to do',
        blank: 'Blank',
        minScore: 'from score',
        politicalMap: 'Political map: links between stakeholders',
        linkIssues: 'Links the model leaves out or reads with a fallback',
        colon: ': '
    },
    zh: {
        title: '控单管理评分模型',
        stakeholder: '五维评估',
        scorecard: 'C139 记分卡',
        bands: '控单区间',
        insights: '五维提示',
        evidence: '存疑提示',
        value: '取值',
        meaning: '含义',
        guidance: '建议行动',
        blank: '空白',
        minScore: '起始得分',
        politicalMap: '政治派系图：采购决策者之间的关系',
        linkIssues: '模型忽略或按默认值读取的关系',
        colon: '：'
    }
} as const;

/** "label (`api`)", with Chinese brackets in Chinese. */
function named(label: string, api: string, lang: Lang): string {
    return lang === 'zh' ? `${label}（\`${api}\`）` : `${label} (\`${api}\`)`;
}

function cell(text: string): string {
    return text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

function describeField(def: PicklistFieldDef, lang: Lang): string[] {
    const h = HEADINGS[lang];
    return [
        `### ${named(def.label[lang], def.field, lang)}`,
        '',
        def.help[lang],
        '',
        `| ${h.value} | API | ${h.meaning} | ${h.guidance} |`,
        '|---|---|---|---|',
        ...def.values.map(
            (v) =>
                `| ${cell(v.label[lang])} | \`${v.value}\` | ${cell(v.description[lang])} | ${cell(v.guidance[lang])} |`
        ),
        `| ${h.blank} | | ${cell(def.blankMeans[lang])} | |`,
        ''
    ];
}

export function describeModel(lang: Lang): string {
    const h = HEADINGS[lang];
    const lines = [`# ${h.title} ${MODEL_VERSION}`, '', `## ${h.stakeholder}`, ''];
    for (const def of STAKEHOLDER_PICKLISTS) lines.push(...describeField(def, lang));
    lines.push(`## ${h.scorecard}`, '');
    for (const def of C139_ELEMENTS) {
        lines.push(
            ...describeField(
                {
                    ...def,
                    label: {
                        en: `${C139_GROUP_LABELS[def.group].en} · ${def.label.en}`,
                        zh: `${C139_GROUP_LABELS[def.group].zh} · ${def.label.zh}`
                    }
                },
                lang
            )
        );
    }
    lines.push(`## ${h.politicalMap}`, '');
    for (const def of LINK_PICKLISTS) lines.push(...describeField(def, lang));
    lines.push(
        `### ${CAMP.label[lang]} (\`${CAMP.field}\`)`,
        '',
        CAMP.help[lang],
        '',
        `${h.blank}${h.colon}${CAMP.blankMeans[lang]}`,
        ''
    );
    lines.push(`## ${h.bands}`, '', `| # | ${h.value} | ${h.minScore} | ${h.meaning} |`, '|---|---|---|---|');
    for (const b of BANDS)
        lines.push(
            `| ${b.rank} | ${named(b.label[lang], b.band, lang)} | ${b.minScore} | ${cell(b.meaning[lang])} |`
        );
    lines.push('', `## ${h.insights}`, '', `| Code | ${h.meaning} | ${h.guidance} |`, '|---|---|---|');
    for (const i of Object.values(INSIGHTS))
        lines.push(`| \`${i.code}\` | ${cell(i.message[lang])} | ${cell(i.action[lang])} |`);
    lines.push('', `## ${h.evidence}`, '', `| Code | ${h.meaning} | ${h.guidance} |`, '|---|---|---|');
    for (const e of Object.values(EVIDENCE))
        lines.push(`| \`${e.code}\` | ${cell(e.message[lang])} | ${cell(e.action[lang])} |`);
    lines.push('', `## ${h.linkIssues}`, '', `| Code | ${h.meaning} | ${h.guidance} |`, '|---|---|---|');
    for (const i of Object.values(LINK_ISSUES))
        lines.push(`| \`${i.code}\` | ${cell(i.message[lang])} | ${cell(i.action[lang])} |`);
    return lines.join('\n') + '\n';
}

export function parseLang(argv: readonly string[]): Lang {
    const i = argv.indexOf('--lang');
    const value = i >= 0 ? argv[i + 1] : 'en';
    if (value !== 'en' && value !== 'zh') {
        throw new Error(`--lang must be "en" or "zh", not "${value ?? ''}"`);
    }
    return value;
}

/* istanbul ignore next -- command-line entry point */
if (require.main === module) {
    try {
        process.stdout.write(describeModel(parseLang(process.argv.slice(2))));
    } catch (error) {
        process.stderr.write(`model:describe: ${(error as Error).message}\n`);
        process.exitCode = 3;
    }
}
