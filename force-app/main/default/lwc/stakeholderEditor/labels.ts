// Every string the editor shows that the model does not provide, in English and Simplified Chinese.
import { LocalizedText, Lang, inLanguage, t } from 'c/dealControlModel';

export const LABELS = {
    titleNew: t('Assess a stakeholder', '评估一位采购决策者'),
    titleEdit: t('Edit assessment', '编辑评估'),
    intro: t(
        'Record what you know; leave the rest blank. A blank is a gap to close, never a guess.',
        '记录你已掌握的信息，其余留空。空白是需要补齐的缺口，而不是猜测。'
    ),
    sectionPerson: t('Person', '人员'),
    sectionDimensions: t('Five dimensions', '五维分析'),
    sectionAction: t('Next action and evidence', '下一步行动与判断依据'),
    sectionRelationships: t('Relationships', '关系'),
    relationshipsIntro: t(
        'Who this person reports to, who influences them and whom they act for, between people of this deal. The political map and the insights read these lines.',
        '此人向谁汇报、受谁影响、为谁代言（仅限本业务机会中的人）。政治派系图和五维提示会据此分析。'
    ),
    kindReportsTo: t('Reports to', '汇报给'),
    kindReportsToHelp: t('Their superior for this decision.', '此人在本次决策中的上级。'),
    kindInfluencedBy: t('Influenced by', '受谁影响'),
    kindInfluencedByHelp: t('People who shape their view of this decision.', '影响此人对本次决策看法的人。'),
    kindActsFor: t('Acts for', '为谁代言'),
    kindActsForHelp: t(
        'People who stand behind them: what this person says is their view.',
        '站在此人背后的人：此人所说的代表对方的看法。'
    ),
    linkPerson: t('Person', '人员'),
    linkStrength: t('Strength', '强度'),
    choosePerson: t('— Choose a person —', '— 请选择人员 —'),
    strengthBlank: t('Default (Medium)', '默认（中）'),
    addLink: t('Add: {kind}', '添加：{kind}'),
    removeLink: t('Remove: {sentence}', '移除：{sentence}'),
    removedNote: t('Removed when you save: {sentence}', '保存时移除：{sentence}'),
    undoRemove: t('Undo', '撤销'),
    noOtherPeople: t(
        'Assess the other people of this deal first: a relationship joins two people on the map.',
        '请先评估本业务机会中的其他人：关系只能连接多维汇总中的两个人。'
    ),
    otherLinks: t('Also on the map:', '多维汇总中的其他关系：'),
    linksFailed: t('Some relationships were not saved.', '部分关系未保存。'),
    name: t('Name', '姓名'),
    nameRequired: t("Enter the person's name.", '请输入此人的姓名。'),
    title: t('Title', '职务'),
    topDecisionMaker: t('Top decision maker', '最高决策者'),
    decisionBodyMember: t('Member of the decision body', '决策机构成员'),
    favoredVendor: t('Favoured vendor', '倾向的厂商'),
    favoredVendorHelp: t(
        'The vendor this person leans to, if any (e.g. Yonyou, Kingdee, CDC).',
        '此人倾向的厂商（如有），例如用友、金蝶、CDC。'
    ),
    assessedOn: t('Assessed on', '评估日期'),
    nextAction: t('Next action', '下一步行动'),
    nextActionHelp: t(
        'One concrete step that moves this person toward supporting us.',
        '一个能让此人更支持我们的具体步骤。'
    ),
    nextActionDue: t('Due', '截止日期'),
    verification: t('Verification', '验证'),
    verificationHelp: t(
        'How you will know the action worked, or what happened.',
        '如何判断行动是否奏效，或实际发生了什么。'
    ),
    evidence: t('Evidence', '判断依据'),
    evidenceHelp: t(
        'What your judgement rests on: what was said, seen or shared, and when. Facts about the purchase only.',
        '你的判断依据：说了什么、看到或分享了什么、何时。仅记录与本次采购相关的事实。'
    ),
    notes: t('Notes', '备注'),
    none: t('— Not yet known —', '— 尚不清楚 —'),
    guidanceLine: t('What to do: {text}', '建议行动：{text}'),
    guidanceFor: t('What to do ({value}):', '建议行动（{value}）：'),
    /** What to do about one chosen value, as one line: the heading above, then the advice. */
    guidanceForLine: t('What to do ({value}): {text}', '建议行动（{value}）：{text}'),
    colon: t(': ', '：'),
    listSeparator: t(', ', '、'),
    itemSeparator: t('; ', '；'),
    liveTitle: t('What the map says so far', '目前的分析结论'),
    support: t('Support', '支持度'),
    supportUnknown: t('Unknown', '未知'),
    known: t('Dimensions known', '已知维度'),
    noInsights: t('No contradictions found between the dimensions.', '各维度之间未发现矛盾。'),
    unknownStored: t(
        'A stored value is no longer in the model and counts as unknown:',
        '已保存的某个值已不在模型中，按未知处理：'
    ),
    save: t('Save', '保存'),
    saving: t('Saving…', '正在保存…'),
    cancel: t('Cancel', '取消'),
    shortcutHint: t('Ctrl+Enter saves, Esc cancels.', 'Ctrl+Enter 保存，Esc 取消。'),
    saveFailed: t('The assessment was not saved.', '评估未保存。'),
    fieldProblem: t('{field}: {message}', '{field}：{message}'),
    jumpTo: t('Go to a section', '跳转到'),
    keptTyped: t('Everything you typed is still here.', '你输入的内容都已保留。'),
    conflictTitle: t('Someone else changed this assessment', '他人已修改此评估'),
    conflictBody: t(
        'It was saved by someone else after you opened it. Your values are kept in the form; the newer saved values are listed below. Save again to replace them with yours, or cancel to keep theirs.',
        '在你打开之后，他人保存了此评估。你的输入仍保留在表单中；下方列出了较新的已保存值。再次保存将以你的内容覆盖，取消则保留对方的内容。'
    ),
    conflictLoading: t('Loading the newer version…', '正在加载较新的版本…'),
    conflictField: t('Field', '字段'),
    conflictTheirs: t('Saved by someone else', '他人保存的值'),
    conflictYours: t('Yours', '你的值'),
    conflictSame: t('The newer version has the same values as yours.', '较新版本与你的输入一致。'),
    blank: t('(blank)', '（空）'),
    yes: t('Yes', '是'),
    no: t('No', '否'),
    savedToast: t('Assessment saved', '评估已保存'),
    savedToastBody: t('{name} is on the map.', '{name} 已加入多维汇总。')
} satisfies Record<string, LocalizedText>;

export type LabelKey = keyof typeof LABELS;

/** The editor's texts in one language, as plain strings for the template. */
export function labelsFor(lang: Lang): Record<LabelKey, string> {
    return inLanguage(LABELS, lang);
}
