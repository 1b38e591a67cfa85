// Every string the political map shows that the model does not provide, in English and Simplified Chinese.
import { Lang, LocalizedText, inLanguage, t } from 'c/dealControlModel';

export const LABELS = {
    title: t('Political map', '政治派系图'),
    intro: t(
        'Who reports to, influences, acts for, sides with or opposes whom. Superiors stand above the people who report to them; each camp is boxed together.',
        '谁向谁汇报、谁影响谁、谁为谁代言、谁与谁同盟或对立。上级在向其汇报的人上方；同一阵营的人框在一起。'
    ),
    loading: t('Loading the political map…', '正在加载政治派系图…'),
    loadFailed: t('The political map could not be loaded.', '无法加载政治派系图。'),
    loadPartial: t(
        'Part of the deal could not be loaded; what is shown may be incomplete.',
        '部分数据未能加载，下面显示的内容可能不完整。'
    ),
    retry: t('Try again', '重试'),
    empty: t(
        'Nobody is assessed on this deal yet. Add the buying committee first; then draw who reports to, influences and sides with whom.',
        '本业务机会还没有任何五维评估。请先添加全体采购决策者，再画出谁向谁汇报、谁影响谁、谁与谁同盟。'
    ),
    noLinks: t(
        'No lines yet: add who reports to whom first, then who influences or acts for whom.',
        '还没有任何连线：先添加谁向谁汇报，再添加谁影响谁、谁为谁代言。'
    ),
    viewAs: t('Show as', '显示方式'),
    viewMap: t('Map', '图形'),
    viewList: t('List', '列表'),
    addLink: t('Add link', '添加关系'),
    change: t('Change', '修改'),
    zoomIn: t('Zoom in', '放大'),
    zoomOut: t('Zoom out', '缩小'),
    zoomFit: t('Fit to width', '适应宽度'),
    mapLabel: t(
        'Political map: press Tab to move from person to person and line to line, Enter to open.',
        '政治派系图：按 Tab 键在人和连线之间移动，按 Enter 键打开。'
    ),
    people: t('People', '采购决策者'),
    lines: t('Lines', '连线'),
    campUnknown: t('Camp not yet known', '阵营尚不清楚'),
    legend: t('How to read the map', '图例'),
    legendColour: t('Colour: attitude to us', '颜色：对我方的态度'),
    legendSize: t('Size: influence', '大小：影响力'),
    legendMarks: t('Marks', '标记'),
    legendLines: t('Lines (thicker = stronger)', '连线（越粗越强）'),
    topDecisionMaker: t('Top decision maker', '最高决策者'),
    decisionBody: t('Decision body', '决策机构'),
    coach: t('Coach', '教练'),
    pulledMark: t('Pulled against us', '受反对方左右'),
    noContact: t('No contact: a gap', '没有联系：缺口'),
    attitudeUnknown: t('Attitude not yet known: a gap', '态度尚不清楚：缺口'),
    unknown: t('Not yet known', '尚不清楚'),
    unnamed: t('(no name)', '（无姓名）'),
    editPerson: t('Open {name}', '打开 {name}'),
    changeLink: t('Change: {sentence}', '修改：{sentence}'),
    personSummary: t('{name}: {facts}', '{name}：{facts}'),
    lineSummary: t('{sentence} ({strength})', '{sentence}（{strength}）'),
    attitudeFact: t('Attitude to us: {value}', '对我方的态度：{value}'),
    supportValue: t('{label} ({index})', '{label}（{index}）'),
    influenceFact: t('Influence: {value}', '影响力：{value}'),
    contactFact: t('Contact: {value}', '联系紧密度：{value}'),
    campFact: t('Camp: {value}', '阵营：{value}'),
    strengthFact: t('strength: {value}', '强度：{value}'),
    pulledBy: t('Pulled against us by {names}', '受{names}左右，不利于我方'),
    factSeparator: t('; ', '；'),
    listSeparator: t(', ', '、'),
    circularReport: t(
        'These reporting lines go round in a circle, so one is drawn but not used to place people: {sentence}. Check who reports to whom.',
        '这些汇报关系形成了循环，因此其中一条只画出而不用于排列：{sentence}。请核实谁向谁汇报。'
    ),
    ignoredLinks: t('Lines left off the map', '未画入的连线'),
    editorHeading: t('Assessment of {name}', '{name} 的五维评估')
} satisfies Record<string, LocalizedText>;

export type LabelKey = keyof typeof LABELS;

export function labelsFor(lang: Lang): Record<LabelKey, string> {
    return inLanguage(LABELS, lang);
}

export { fillTemplate as format } from 'c/dealControlModel';
