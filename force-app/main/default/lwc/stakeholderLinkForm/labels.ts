// Every string the link form shows that the model and the link writes do not provide, in English and
// Simplified Chinese.
import { Lang, LocalizedText, inLanguage, t } from 'c/dealControlModel';

export const LABELS = {
    addHeading: t('Add a link between two people', '添加两人之间的关系'),
    changeHeading: t('Change the link', '修改关系'),
    from: t('First person', '前一人'),
    to: t('Second person', '后一人'),
    choose: t('Choose…', '请选择…'),
    evidence: t('Evidence: how you know', '判断依据'),
    evidenceHelp: t(
        'What you saw or heard that shows this link, and from whom. It is personal data: write facts, not opinions.',
        '能说明这一关系的所见所闻及信息来源。这属于个人数据：请写事实，不写评价。'
    ),
    readsAs: t('Reads as: {sentence}', '含义：{sentence}'),
    save: t('Save link', '保存关系'),
    saving: t('Saving…', '正在保存…'),
    cancel: t('Cancel', '取消'),
    remove: t('Remove link', '删除关系'),
    confirmRemove: t('Remove the link "{sentence}"?', '删除关系“{sentence}”？'),
    confirmYes: t('Remove', '删除'),
    confirmNo: t('Keep', '保留'),
    saveFailed: t('The link was not saved.', '关系未保存。'),
    removeFailed: t('The link was not removed.', '关系未删除。'),
    saved: t('Link saved', '关系已保存'),
    removed: t('Link removed', '关系已删除'),
    unnamed: t('(no name)', '（无姓名）')
} satisfies Record<string, LocalizedText>;

export type LabelKey = keyof typeof LABELS;

export function labelsFor(lang: Lang): Record<LabelKey, string> {
    return inLanguage(LABELS, lang);
}
