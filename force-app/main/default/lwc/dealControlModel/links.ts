import {
    PicklistFieldDef,
    STAKEHOLDER_LINK_OBJECT,
    STAKEHOLDER_OBJECT,
    picklistValue as value
} from './picklists';
import { LocalizedText, t } from './text';

// Contract v1.1 (the political map): the values of a line between two people of one Opportunity,
// and the camp a person belongs to. The rules that read them are in politicalMap.ts.

export type LinkType = 'Reports_To' | 'Influences' | 'Acts_For' | 'Allied' | 'Rival';
export type LinkStrength = 'Strong' | 'Medium' | 'Weak';

export const LINK_TYPE: PicklistFieldDef = Object.freeze({
    object: STAKEHOLDER_LINK_OBJECT,
    field: 'Link_Type__c',
    multiSelect: false,
    label: t('Link type', '关系类型'),
    help: t(
        'How the first person stands to the second in this decision. Reports to, influences and acts for point from the first to the second; allied and rival work both ways.',
        '在本次决策中，前一人与后一人的关系。汇报给、影响、代言从前者指向后者；同盟和对立是双向的。'
    ),
    blankMeans: t(
        'Required: a link without a type says nothing and is ignored.',
        '必填：没有类型的关系不说明任何情况，会被忽略。'
    ),
    values: [
        value(
            'Reports_To',
            t('Reports to', '汇报给'),
            t(
                'The first person reports to the second: the second is their superior for this decision.',
                '前者向后者汇报：后者是前者在本次决策中的上级。'
            ),
            t(
                "Learn what the superior expects of this person and keep both informed; never go over anyone's head in a way that embarrasses them.",
                '了解上级对此人的期望，并让双方都了解进展；绝不以让人难堪的方式越级。'
            )
        ),
        value(
            'Influences',
            t('Influences', '影响'),
            t(
                "The first person shapes the second's view of this decision (the arrow points at the one influenced).",
                '前者影响后者对本次决策的看法（箭头指向被影响的人）。'
            ),
            t(
                'Find out what the influencer cares about. If they lean against us, learn why and answer it openly with facts.',
                '弄清施加影响的人关注什么。若其倾向反对我们，弄清原因，用事实公开回应。'
            )
        ),
        value(
            'Acts_For',
            t('Acts for', '代言'),
            t(
                'The first person acts or speaks for the second: the second stands behind the first.',
                '前者为后者出面或代言：后者才是站在背后的人。'
            ),
            t(
                "What this person says is the other's view: plan to reach the person behind, and confirm the link with your coach.",
                '此人所说的代表背后那个人的看法：设法接触背后的人，并与教练核实这一关系。'
            )
        ),
        value(
            'Allied',
            t('Allied', '同盟'),
            t(
                'The two stand on the same side in this decision (works both ways).',
                '两人在本次决策中站在同一边（双向关系）。'
            ),
            t(
                'Winning one helps to win the other: tell both the same story, and respect that they talk to each other.',
                '争取到一人有助于争取另一人：对两人讲一致的内容，并考虑到他们会互相沟通。'
            )
        ),
        value(
            'Rival',
            t('Rival', '对立'),
            t(
                'The two are on opposing sides or compete with each other (works both ways).',
                '两人立场对立或相互竞争（双向关系）。'
            ),
            t(
                'Stay out of their conflict and never speak ill of either; respect both, so that supporting us costs neither of them face.',
                '不介入两人之争，绝不说任何一方的坏话；尊重双方，让支持我们不会让任何一方失去面子。'
            )
        )
    ]
});

export const LINK_STRENGTH: PicklistFieldDef = Object.freeze({
    object: STAKEHOLDER_LINK_OBJECT,
    field: 'Strength__c',
    multiSelect: false,
    label: t('Strength', '强度'),
    help: t(
        'How much this link weighs in the decision, judged from what you have seen; record how you know in Evidence.',
        '这一关系在决策中的分量，根据实际所见判断；在“判断依据”中写明依据。'
    ),
    blankMeans: t('Counts as Medium.', '按“中”计。'),
    values: [
        value(
            'Strong',
            t('Strong', '强'),
            t('Decisive: it changes what the other person says or does.', '起决定作用：会改变对方的言行。'),
            t(
                'Plan the two people together: what you do with one reaches the other.',
                '把两人放在一起规划：对其中一人的工作会传到另一人。'
            )
        ),
        value(
            'Medium',
            t('Medium', '中'),
            t(
                'Noticeable: it weighs in, but does not decide on its own.',
                '明显：有分量，但不能单独起决定作用。'
            ),
            t(
                'Keep it in view and confirm it with your coach as the deal moves.',
                '保持关注，并随业务机会推进与教练核实。'
            )
        ),
        value(
            'Weak',
            t('Weak', '弱'),
            t(
                'Slight: visible, but rarely changes anything. A weak link never counts as pulling on anyone.',
                '轻微：能看到，但很少改变什么。弱关系不计为对任何人施加影响。'
            ),
            t(
                'Record it for the full picture; do not plan around it unless it grows stronger.',
                '记录下来以便全面了解；除非它变强，否则不必据此规划。'
            )
        )
    ]
});

/** The restricted picklists of Stakeholder_Link__c, in the model's order. */
export const LINK_PICKLISTS: readonly PicklistFieldDef[] = [LINK_TYPE, LINK_STRENGTH];

/** A blank strength counts as this one. */
export const DEFAULT_LINK_STRENGTH: LinkStrength = 'Medium';

/** Allied and Rival read the same both ways; the other types point from From to To. */
export const SYMMETRIC_LINK_TYPES: readonly LinkType[] = ['Allied', 'Rival'];

/**
 * One link as a sentence, for the map's list view and screen readers: fill `{from}` and `{to}`
 * with the two people's names (fillTemplate).
 */
export const LINK_SENTENCES: Readonly<Record<LinkType, LocalizedText>> = Object.freeze({
    Reports_To: t('{from} reports to {to}', '{from}汇报给{to}'),
    Influences: t('{from} influences {to}', '{from}影响{to}'),
    Acts_For: t('{from} acts for {to}', '{from}为{to}代言'),
    Allied: t('{from} and {to} are allied', '{from}与{to}是同盟'),
    Rival: t('{from} and {to} are rivals', '{from}与{to}对立')
});

/** A free-text input of the contract, with its platform length and its texts for admins and users. */
export interface TextFieldDef {
    readonly object: string;
    readonly field: string;
    readonly maxLength: number;
    readonly label: LocalizedText;
    readonly help: LocalizedText;
    readonly blankMeans: LocalizedText;
}

/** Camp__c on the assessment: the camp or faction, in the rep's own words, per deal. */
export const CAMP: TextFieldDef = Object.freeze({
    object: STAKEHOLDER_OBJECT,
    field: 'Camp__c',
    maxLength: 40,
    label: t('Camp', '阵营'),
    help: t(
        "The camp or faction this person belongs to in this deal, in your own words (for example: the CFO's side). People with the same camp are grouped together on the political map.",
        '此人在本业务机会中所属的阵营或派系，用你自己的话填写（例如“财务总监一方”）。阵营相同的人在政治派系图中归为一组。'
    ),
    blankMeans: t('Camp not yet known.', '阵营尚不清楚。')
});

export const LINK_FROM_FIELD = 'From_Stakeholder__c';
export const LINK_TO_FIELD = 'To_Stakeholder__c';

/** Every field of Stakeholder_Link__c in contract v1.1 besides Id (docs/method.md, the political map). */
export const STAKEHOLDER_LINK_FIELDS: readonly string[] = [
    'Opportunity__c',
    LINK_FROM_FIELD,
    LINK_TO_FIELD,
    LINK_TYPE.field,
    LINK_STRENGTH.field,
    'Evidence__c'
];
