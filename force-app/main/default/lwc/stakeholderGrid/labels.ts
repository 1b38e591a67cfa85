// Every string the grid shows that the model does not provide, in English and Simplified Chinese.
import { InsightCode, Lang, LocalizedText, inLanguage, t } from 'c/dealControlModel';

export const LABELS = {
    title: t('Buying committee', '全体采购决策者'),
    add: t('Add stakeholder', '添加采购决策者'),
    loading: t('Loading the buying committee…', '正在加载全体采购决策者…'),
    loadFailed: t('The buying committee could not be loaded.', '无法加载全体采购决策者。'),
    loadPartial: t(
        'Part of the deal could not be loaded; what is shown may be incomplete.',
        '部分数据未能加载，下面显示的内容可能不完整。'
    ),
    retry: t('Try again', '重试'),
    emptyLine1: t(
        'Map everyone who influences this decision: role, influence, and the five dimensions — dominant need, attitude to change, decision focus, closeness to us, attitude to us.',
        '列出影响本次决策的每一个人：角色、影响力，以及五个维度——主导需求、对待变革的态度、决策关注点、与我方的联系紧密度、对我方的态度。'
    ),
    emptyLine2: t(
        'Every blank is a gap to close at your next meeting or with your coach; the map shows who supports us, who does not, and what to do next.',
        '每个空白都是下次会面或向教练求证时要补上的缺口；多维汇总会告诉你谁支持我们、谁不支持，以及下一步该做什么。'
    ),
    colName: t('Name', '姓名'),
    colRole: t('Role', '角色'),
    colInfluence: t('Influence', '影响力'),
    colActions: t('Actions', '操作'),
    colAttitude: t('Attitude to us (support)', '对我方的态度（支持度）'),
    sortBy: t('Sort by {column}', '按{column}排序'),
    topDecisionMaker: t('Top decision maker', '最高决策者'),
    decisionBody: t('Decision body', '决策机构'),
    gap: t('Gap', '缺口'),
    edit: t('Edit', '编辑'),
    editPerson: t('Edit {name}', '编辑 {name}'),
    workNextTitle: t('Work on next', '下一步重点'),
    unnamed: t('(no name)', '（无姓名）'),
    sentenceEnd: t('. ', '。'),
    workNextIntro: t(
        'The people who weigh most in the decision and have something to fix, most urgent first.',
        '在决策中分量最重且有待解决问题的人，最紧迫的排在前面。'
    ),
    delete: t('Delete', '删除'),
    deletePerson: t('Delete {name}', '删除 {name}'),
    confirmDelete: t('Delete the assessment of {name}?', '删除 {name} 的评估？'),
    confirmYes: t('Delete', '删除'),
    confirmNo: t('Keep', '保留'),
    deleted: t('Assessment deleted', '评估已删除'),
    notAssessed: t('Not yet assessed', '尚未评估'),
    contactRole: t('Contact role: {role}', '联系人角色：{role}'),
    listSeparator: t(', ', '、'),
    assess: t('Assess', '开始评估'),
    assessPerson: t('Assess {name}', '开始评估 {name}'),
    deleteFailed: t('The assessment was not deleted.', '评估未删除。'),
    createFailed: t('The assessment could not be started.', '无法开始评估。'),
    gapsLine: t('Gaps: {list}', '缺口：{list}'),
    noGaps: t('All five dimensions known', '五维齐全'),
    details: t('Details', '详情'),
    influenceLine: t('Influence: {value}', '影响力：{value}'),
    roleLine: t('Role: {value}', '角色：{value}'),
    campLine: t('Camp: {camp}', '阵营：{camp}'),
    pulledBy: t('{badge}: {names}', '{badge}：{names}'),
    insightsOf: t('Insights for {name}', '{name} 的五维提示'),
    // Not the card's own title (全体采购决策者): the summary must not repeat it.
    committee: t('The committee at a glance', '全体采购决策者概览'),
    people: t('People on the map', '已评估人员'),
    weightedSupport: t(
        'Decision body support (influence-weighted, −2 to +2)',
        '决策机构支持度（按影响力加权，−2 至 +2）'
    ),
    supportiveOfBody: t(
        '{supportive} of {total} decision-body members support us',
        '决策机构 {total} 人中有 {supportive} 人支持我们'
    ),
    attitudeMix: t('Attitude mix', '态度分布'),
    coverage: t('Coverage', '评估完整度'),
    coverageValue: t(
        '{complete} of {total} fully assessed ({percent}%)',
        '{total} 人中 {complete} 人五维齐全（{percent}%）'
    ),
    mentorPresent: t('Mentor present', '有指导者'),
    topDmAttitude: t("Top decision maker's attitude", '最高决策者的态度'),
    noTopDm: t('No top decision maker identified — a gap.', '尚未确定最高决策者——这是一个缺口。'),
    unknown: t('Unknown', '未知'),
    yes: t('Yes', '是'),
    no: t('No — find one', '没有——需要培养'),
    none: t('none', '无')
} satisfies Record<string, LocalizedText>;

/** Short badge texts for the model's insight codes; the full message comes from the model. */
export const INSIGHT_BADGES: Readonly<Record<InsightCode, LocalizedText>> = {
    KEY_PERSON_INCOMPLETE: t('Key person, gaps', '关键人有缺口'),
    KEY_PERSON_NO_CONTACT: t('Key person, no contact', '关键人无联系'),
    MENTOR_LOW_CONTACT: t('Mentor, little contact', '指导者联系少'),
    OPPONENT_DEEP_CONTACT: t('Opponent, deep contact', '反对者联系深'),
    INFLUENCED_AGAINST: t('Pulled against us', '受反对方左右')
};

export type LabelKey = keyof typeof LABELS;

export function labelsFor(lang: Lang): Record<LabelKey, string> {
    return inLanguage(LABELS, lang);
}

export { fillTemplate as format } from 'c/dealControlModel';
