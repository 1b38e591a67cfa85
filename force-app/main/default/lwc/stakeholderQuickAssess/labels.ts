// Every string the quick action shows that the model does not provide, in English and Simplified Chinese.
import { Lang, LocalizedText, inLanguage, t } from 'c/dealControlModel';

export const LABELS = {
    heading: t('Assess a stakeholder', '评估一位采购决策者'),
    who: t('Who did you meet?', '你见了谁？'),
    whoHelp: t(
        'Pick someone already on the map to update them, a contact role not yet assessed, or someone new.',
        '选择已在多维汇总中的人进行更新、尚未评估的联系人角色，或新的人员。'
    ),
    someoneNew: t('Someone new', '新的人员'),
    onTheMap: t('On the map', '已在多维汇总中'),
    personWithTitle: t('{name} ({title})', '{name}（{title}）'),
    notYetAssessed: t('Contact roles not yet assessed', '尚未评估的联系人角色'),
    loading: t('Loading the buying committee…', '正在加载全体采购决策者…'),
    loadFailed: t(
        'The buying committee could not be loaded; you can still assess someone new.',
        '无法加载全体采购决策者；你仍可评估新的人员。'
    )
} satisfies Record<string, LocalizedText>;

export type LabelKey = keyof typeof LABELS;

export function labelsFor(lang: Lang): Record<LabelKey, string> {
    return inLanguage(LABELS, lang);
}
