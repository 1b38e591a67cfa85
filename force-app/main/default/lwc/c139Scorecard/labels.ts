import { Lang, LocalizedText, fillTemplate, t } from 'c/dealControlModel';

/**
 * Every text the scorecard shows that does not come from the model, in English and Simplified
 * Chinese. The model's own texts (elements, values, bands, evidence) stay in c/dealControlModel so
 * the rescore script and the reports say the same thing. `{name}` marks a parameter.
 */
export const LABELS = {
    cardTitle: t('C139 deal control', 'C139 控单能力'),
    loading: t('Loading the scorecard…', '正在加载记分卡…'),
    emptyTitle: t('No scorecard yet — rate what you know', '尚无记分卡——先评你已了解的项'),
    emptyBody: t(
        'Leave an item on "Not yet known" until you know it: an unknown scores 0 and tells you what to find out. Saving creates this opportunity\'s scorecard.',
        '在了解之前，请保持“尚不清楚”：不清楚的项计 0 分，并提示你需要去了解什么。保存后即创建本业务机会的记分卡。'
    ),
    noOpportunity: t(
        'This opportunity cannot be read: it may have been deleted, or you may not have access to it.',
        '无法读取此业务机会：它可能已被删除，或者你没有访问权限。'
    ),
    scoreHeading: t('Control score', '控单得分'),
    scoreOutOf: t('{score} of 100', '{score} / 100'),
    bandLabel: t('Band: {band}', '控单区间：{band}'),
    formula: t(
        '{points} of 27 points × coach factor {factor} → {score}',
        '{points} / 27 分 × 教练系数 {factor} → {score}'
    ),
    groupPoints: t('{points} of {max} points', '{points} / {max} 分'),
    groupSummaryLine: t('{group}: {summary}', '{group}：{summary}'),
    coachFactor: t('Coach factor {factor}', '教练系数 {factor}'),
    gateApplied: t(
        'Held at Leading: Controlled also needs the top decision maker to have chosen us and a coach who has at least confirmed the items.',
        '保持在“领先”：要达到“掌控”，还需要最高决策者已选定我们，并且教练至少已确认各项。'
    ),
    vetoApplied: t(
        'The top decision maker is against us: the score is capped at 10 and the band is Losing, whatever else is true.',
        '最高决策者反对我们：无论其他各项如何，得分封顶 10 分，控单区间为“基本丢单”。'
    ),
    findingsCount: t(
        'Warnings from the stakeholder map: {count}. Each is shown beside the claim it questions.',
        '多维汇总提出的警示：{count} 条。每条都显示在它所质疑的评分项旁边。'
    ),
    noFindings: t(
        'The stakeholder map contradicts none of the claims it can check.',
        '多维汇总与可核对的各项评分均无矛盾。'
    ),
    unknownOption: t('Not yet known', '尚不清楚'),
    nextStep: t('Next step: {text}', '下一步：{text}'),
    evidenceHeading: t('The stakeholder map questions this', '多维汇总对此存疑'),
    suggestedAction: t('Suggested action: {text}', '建议行动：{text}'),
    coachPerson: t('Who is the coach?', '教练是谁？'),
    coachPersonHelp: t('Choose among the Mentors on the stakeholder map.', '从多维汇总中的指导者里选择。'),
    coachPersonNone: t('Not recorded', '未记录'),
    coachPersonNoMentor: t(
        'Nobody on the stakeholder map is a Mentor yet: mark the coach as a Mentor there first.',
        '多维汇总中还没有指导者：请先在多维汇总中把教练标为指导者。'
    ),
    coachPersonNotMentor: t('{name} (no longer a Mentor on the map)', '{name}（在多维汇总中已不是指导者）'),
    coachPersonUnknown: t('A person no longer on the map', '已不在多维汇总中的人员'),
    notes: t('Notes', '备注'),
    save: t('Save scorecard', '保存记分卡'),
    saving: t('Saving…', '正在保存…'),
    discard: t('Discard my changes', '放弃我的修改'),
    unsaved: t('You have unsaved changes.', '你有尚未保存的修改。'),
    savedToastTitle: t('Scorecard saved', '记分卡已保存'),
    savedToastMessage: t('Control score {score}, band {band}.', '控单得分 {score}，控单区间：{band}。'),
    lastScored: t(
        'Saved score {score} ({band}), scored {when} with model {version}.',
        '已保存的得分 {score}（{band}），评分时间 {when}，模型 {version}。'
    ),
    olderModel: t(
        'That score comes from an older model; saving rescores it with {version}.',
        '该得分来自旧版模型；保存时将按 {version} 重新评分。'
    ),
    staleScore: t(
        'The stakeholder map or the model changed since this score was saved: save to store the current score.',
        '自上次保存以来，多维汇总或模型已发生变化：请保存以记录当前得分。'
    ),
    liveModel: t('Live score computed with model {version}.', '实时得分按模型 {version} 计算。'),
    duplicateNotice: t(
        "A colleague created this opportunity's scorecard a moment ago. Their scorecard is shown now; your choices are kept and marked beside their saved values. Review them and save again.",
        '同事刚刚创建了本业务机会的记分卡。现在显示的是其记分卡；你的选择已保留，并在已保存的值旁边标出。请核对后再次保存。'
    ),
    conflictNotice: t(
        'Someone changed this scorecard after you opened it. Their newer values are shown; your changes are kept and marked beside the saved values. Review them and save again.',
        '在你打开后，有人修改了此记分卡。现在显示的是较新的值；你的修改已保留，并在已保存的值旁边标出。请核对后再次保存。'
    ),
    savedValue: t('Saved value: {value}', '已保存的值：{value}'),
    useSavedValue: t('Use the saved value', '改用已保存的值'),
    loadErrorTitle: t('The scorecard could not be loaded', '无法加载记分卡'),
    loadPartialTitle: t(
        'Part of the deal could not be loaded; the score below may miss evidence',
        '部分数据未能加载，下面的得分可能未考虑全部存疑提示'
    ),
    saveErrorTitle: t('The scorecard was not saved', '记分卡未保存'),
    saveErrorKeep: t(
        'Your choices are still on screen: fix the problem and save again.',
        '你的选择仍保留在屏幕上：请解决问题后再次保存。'
    ),
    retry: t('Try again', '重试'),
    jumpTo: t('Go to a group', '跳转到'),
    dismiss: t('Dismiss', '关闭')
} as const satisfies Record<string, LocalizedText>;

export type LabelKey = keyof typeof LABELS;

/** A label in the user's language with its `{name}` parameters filled in. */
export function label(
    key: LabelKey,
    lang: Lang,
    params: Readonly<Record<string, string | number>> = {}
): string {
    return fillTemplate(LABELS[key][lang], params);
}
