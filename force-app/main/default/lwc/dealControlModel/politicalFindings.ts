import type { EvidenceDef } from './evidence';
import type { InsightDef } from './stakeholderScoring';
import { LocalizedText, t } from './text';

// The texts of contract v1.1's codes (the political map), kept apart from v1's so that each can be
// reworded on its own. The rules that raise them are in politicalMap.ts and politicalEvidence.ts.

export type PoliticalInsightCode = 'INFLUENCED_AGAINST';
export type PoliticalEvidenceCode = 'COACH_NO_ACCESS' | 'WIN_UNDERMINED';

/** Insight codes that only links can raise (part of INSIGHTS). */
export const POLITICAL_INSIGHTS: Readonly<Record<PoliticalInsightCode, InsightDef>> = Object.freeze({
    INFLUENCED_AGAINST: {
        code: 'INFLUENCED_AGAINST',
        message: t(
            'Someone who leans against us (a non-supporter or opponent) pulls on this person: influences them, or has them act on their behalf.',
            '有倾向反对我们的人（非支持者或反对者）在左右此人：影响其看法，或让其代为出面。'
        ),
        action: t(
            'Learn what the other side objects to and answer it openly with facts; help this person find their own reasons to support us. Argue with facts, never against the person.',
            '弄清对方反对的是什么，用事实公开回应；帮助此人形成支持我们的自身理由。只讲事实，绝不针对个人。'
        )
    }
});

/** Evidence codes that only links can raise (part of EVIDENCE). */
export const POLITICAL_EVIDENCE: Readonly<Record<PoliticalEvidenceCode, EvidenceDef>> = Object.freeze({
    WIN_UNDERMINED: {
        code: 'WIN_UNDERMINED',
        claimField: 'Win__c',
        message: t(
            'Win is claimed, but someone who leans against us pulls on a top decision maker.',
            '声称“赢”，但有倾向反对我们的人在左右最高决策者。'
        ),
        action: t(
            "Confirm the top decision maker's position with your coach; learn what the other side objects to and answer it with facts the top decision maker values, or lower Win.",
            '与教练核实最高决策者的立场；弄清对方反对的是什么，用最高决策者看重的事实回应，否则下调“赢”。'
        )
    },
    COACH_NO_ACCESS: {
        code: 'COACH_NO_ACCESS',
        claimField: 'Coach__c',
        message: t(
            'The coach is rated confirmed, but the political map shows no line between the coach and a top decision maker (reports to, influences, acts for or allied).',
            '教练评为已确认，但政治派系图中教练与最高决策者之间没有任何关系（汇报给、影响、代言或同盟）。'
        ),
        action: t(
            'If the coach does reach a top decision maker, draw that line on the map; otherwise look for a coach who can, or lower the coach rating.',
            '如果教练确实能接触到最高决策者，请在图中补上这条关系；否则寻找能接触到的教练，或下调教练评级。'
        )
    }
});

/** Why a link was left out of the map (or read with a fallback value). */
export type LinkIssueCode =
    | 'LINK_DUPLICATE'
    | 'LINK_END_NOT_ON_OPPORTUNITY'
    | 'LINK_MISSING_END'
    | 'LINK_MISSING_TYPE'
    | 'LINK_OTHER_OPPORTUNITY'
    | 'LINK_SELF'
    | 'UNKNOWN_VALUE';

export interface LinkIssueDef {
    readonly code: LinkIssueCode;
    readonly message: LocalizedText;
    readonly action: LocalizedText;
}

export const LINK_ISSUES: Readonly<Record<LinkIssueCode, LinkIssueDef>> = Object.freeze({
    LINK_MISSING_END: {
        code: 'LINK_MISSING_END',
        message: t('The link has nobody at one end, so it is ignored.', '该关系有一端没有人，已被忽略。'),
        action: t('Choose both people, or delete the link.', '选择两端的人，或删除该关系。')
    },
    LINK_SELF: {
        code: 'LINK_SELF',
        message: t(
            'The link joins a person to themselves, so it is ignored.',
            '该关系两端是同一个人，已被忽略。'
        ),
        action: t('Choose two different people.', '选择两个不同的人。')
    },
    LINK_END_NOT_ON_OPPORTUNITY: {
        code: 'LINK_END_NOT_ON_OPPORTUNITY',
        message: t(
            'A person on the link has no assessment on this Opportunity (it belongs to another deal, or was deleted), so the link is ignored.',
            '该关系中有人在本业务机会中没有五维评估（属于其他业务机会，或已删除），因此该关系被忽略。'
        ),
        action: t(
            'Link only people assessed on this Opportunity: assess the person here first.',
            '只连接本业务机会中已评估的采购决策者：请先在此评估此人。'
        )
    },
    LINK_OTHER_OPPORTUNITY: {
        code: 'LINK_OTHER_OPPORTUNITY',
        message: t(
            'The link belongs to another Opportunity, so it is ignored here.',
            '该关系属于其他业务机会，在此被忽略。'
        ),
        action: t('Change it on the Opportunity it belongs to.', '请在其所属的业务机会中修改。')
    },
    LINK_MISSING_TYPE: {
        code: 'LINK_MISSING_TYPE',
        message: t('The link has no type, so it is ignored.', '该关系没有类型，已被忽略。'),
        action: t('Choose a link type.', '选择关系类型。')
    },
    UNKNOWN_VALUE: {
        code: 'UNKNOWN_VALUE',
        message: t(
            'A value the model does not know: a link of unknown type is ignored, an unknown strength counts as Medium.',
            '模型无法识别该取值：类型未知的关系会被忽略，强度未知按“中”计。'
        ),
        action: t('Choose one of the listed values.', '从列出的取值中选择。')
    },
    LINK_DUPLICATE: {
        code: 'LINK_DUPLICATE',
        message: t(
            'The same link between the same two people is recorded twice; the copy is ignored.',
            '同样两人之间的同一关系重复记录，副本已被忽略。'
        ),
        action: t('Delete the copy.', '删除重复的记录。')
    }
});
