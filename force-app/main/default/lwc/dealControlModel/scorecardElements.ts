import { PicklistFieldDef, PicklistValueDef, SCORECARD_OBJECT } from './picklists';
import { LocalizedText, t } from './text';

export type C139Group = 'Coach' | 'Win' | 'First' | 'Clear';

/** A C139 element: one picklist on C139_Scorecard__c. */
export interface C139ElementDef extends PicklistFieldDef {
    readonly group: C139Group;
    /** 1-based position inside its group (First 1..3, Clear 1..9). */
    readonly position: number;
}

export const C139_GROUP_LABELS: Readonly<Record<C139Group, LocalizedText>> = Object.freeze({
    Coach: t('C: coach calibration', 'C：教练校准'),
    Win: t('1 Win', '1 个赢'),
    First: t('3 First', '3 个第一'),
    Clear: t('9 Clear', '9 个清楚')
});

export const C139_GROUP_PURPOSE: Readonly<Record<C139Group, LocalizedText>> = Object.freeze({
    Coach: t(
        'A reliable coach confirms the other answers, so the score can be trusted.',
        '由可靠的教练确认其他各项，得分才可信。'
    ),
    Win: t(
        'Win marks the deal: where the top decision maker stands.',
        '“赢”标志着业务机会的结果：最高决策者的立场。'
    ),
    First: t(
        'First is the threshold to success: how the decision body rates us.',
        '“第一”是成功的门槛：决策机构对我们的评价。'
    ),
    Clear: t(
        'Clear lets us judge the direction early: how well we know the deal.',
        '“清楚”让我们及早判断方向：我们对业务机会的了解程度。'
    )
});

function v(
    apiName: string,
    label: LocalizedText,
    description: LocalizedText,
    guidance: LocalizedText
): PicklistValueDef {
    return Object.freeze({ value: apiName, label, description, guidance });
}

function clearElement(
    position: number,
    field: string,
    label: LocalizedText,
    help: LocalizedText,
    howToClear: LocalizedText
): C139ElementDef {
    return Object.freeze({
        object: SCORECARD_OBJECT,
        field,
        multiSelect: false,
        group: 'Clear' as const,
        position,
        label,
        help,
        blankMeans: t('Unknown: scores 0. Find out.', '不清楚：计 0 分。需要去了解。'),
        values: [
            v(
                'Partial',
                t('Partly clear', '部分清楚'),
                t(
                    'We know part of it, or have not confirmed it with the customer.',
                    '只了解一部分，或尚未与客户确认。'
                ),
                howToClear
            ),
            v(
                'Clear',
                t('Clear', '清楚'),
                t('We know it and a reliable source has confirmed it.', '已经了解，并经可靠来源确认。'),
                t('Keep it current: re-confirm when the situation changes.', '保持更新：形势变化时重新确认。')
            )
        ]
    });
}

function firstElement(
    position: number,
    field: string,
    label: LocalizedText,
    help: LocalizedText,
    howToWin: LocalizedText
): C139ElementDef {
    return Object.freeze({
        object: SCORECARD_OBJECT,
        field,
        multiSelect: false,
        group: 'First' as const,
        position,
        label,
        help,
        blankMeans: t('Counts as No: scores 0.', '视为“否”：计 0 分。'),
        values: [
            v('No', t('No', '否'), t('Not true today.', '目前并非如此。'), howToWin),
            v(
                'Partial',
                t('Partly', '部分'),
                t('True for some of the people, or not yet reliable.', '对部分人成立，或尚不可靠。'),
                howToWin
            ),
            v(
                'Yes',
                t('Yes', '是'),
                t('True, and the stakeholder map shows it.', '成立，并且多维汇总可以印证。'),
                t('Keep it so: watch for competitor moves.', '保持住：留意竞争对手的动作。')
            )
        ]
    });
}

export const COACH: C139ElementDef = Object.freeze({
    object: SCORECARD_OBJECT,
    field: 'Coach__c',
    multiSelect: false,
    group: 'Coach' as const,
    position: 1,
    label: t('Coach', '教练'),
    help: t(
        'Has a high-quality coach (a Mentor on the stakeholder map) confirmed every C139 item? The coach factor scales the whole score.',
        '是否有高质量的教练（多维汇总中的指导者）确认了 C139 的每一项？教练系数会按比例调整总分。'
    ),
    blankMeans: t('Counts as no coach (factor 0.5).', '视为没有教练（系数 0.5）。'),
    values: [
        v(
            'No_Coach',
            t('No coach', '没有教练'),
            t(
                'Nobody inside confirms our view of the deal (factor 0.5).',
                '客户内部没有人确认我们对业务机会的判断（系数 0.5）。'
            ),
            t(
                'Find a Mentor: someone who wants us to win and gives honest feedback and guidance.',
                '寻找指导者：希望我们赢、愿意给出坦诚反馈和指导的人。'
            )
        ),
        v(
            'Identified',
            t('Identified, not yet confirmed', '已找到，尚未确认'),
            t(
                'A likely coach exists but has not confirmed the C139 items (factor 0.75).',
                '有可能的教练，但尚未确认 C139 各项（系数 0.75）。'
            ),
            t(
                'Walk through the C139 items with the coach and record what they confirm.',
                '与教练逐项过一遍 C139，并记录其确认的内容。'
            )
        ),
        v(
            'Confirmed',
            t('Confirmed', '已确认'),
            t('A coach has confirmed the C139 items (factor 0.9).', '教练已确认 C139 各项（系数 0.9）。'),
            t('Grow a coach inside the decision body as well.', '在决策机构内部再发展一位教练。')
        ),
        v(
            'Confirmed_In_Decision_Body',
            t('Confirmed by a coach in the decision body', '由决策机构内的教练确认'),
            t(
                'A coach who sits in the decision body has confirmed the items (factor 1.0).',
                '决策机构成员中的教练已确认各项（系数 1.0）。'
            ),
            t('Re-confirm with the coach at every milestone.', '在每个关键节点与教练再次确认。')
        )
    ]
});

export const WIN: C139ElementDef = Object.freeze({
    object: SCORECARD_OBJECT,
    field: 'Win__c',
    multiSelect: false,
    group: 'Win' as const,
    position: 1,
    label: t('Top decision maker chooses us', '最高决策者选定我们'),
    help: t(
        'Has the top decision maker chosen us, or do they actively help us plan and run the deal? Against vetoes the deal.',
        '最高决策者是否选定我们，或主动协助我们规划、推进这个业务机会？“反对”一票否决。'
    ),
    blankMeans: t('Unknown: scores 0.', '不清楚：计 0 分。'),
    values: [
        v(
            'Against',
            t('Against us', '反对我们'),
            t(
                'The top decision maker votes against us: the deal is basically lost (score capped at 10).',
                '最高决策者反对我们：业务机会基本丢单（得分封顶 10 分）。'
            ),
            t(
                "Decide with your manager whether to change the top decision maker's view or to qualify out.",
                '与经理商定：是设法改变最高决策者的看法，还是放弃这个业务机会。'
            )
        ),
        v(
            'Leaning',
            t('Leaning to us', '倾向我们'),
            t(
                'The top decision maker leans to us but has not committed.',
                '最高决策者倾向我们，但尚未表态。'
            ),
            t(
                "Ask what the top decision maker still needs to see before deciding (proof, references, terms) and answer it on the merits, within the customer's process.",
                '了解最高决策者做出决定前还需要看到什么（验证、案例、商务条款），并在客户的流程内以实力回应。'
            )
        ),
        v(
            'Yes',
            t('Chose us', '已选定我们'),
            t(
                'The top decision maker has chosen us or actively helps us: the deal is basically won.',
                '最高决策者已选定或主动协助我们：业务机会基本拿下。'
            ),
            t(
                "Protect the position: keep the top decision maker's backing visible to the decision body.",
                '巩固局面：让决策机构看到最高决策者的支持。'
            )
        )
    ]
});

export const FIRST_ELEMENTS: readonly C139ElementDef[] = [
    firstElement(
        1,
        'First_Value_Fit__c',
        t('Our value fit is rated highest', '价值匹配度最高'),
        t(
            'Do the top decision maker and the key people of the decision body see our value fit as the highest?',
            '最高决策者和决策机构的关键人是否认为我们的价值匹配度最高？'
        ),
        t(
            "Tie our value to each key person's decision focus.",
            '把我们的价值与每位关键人的决策关注点对应起来。'
        )
    ),
    firstElement(
        2,
        'First_Key_People_Help__c',
        t('Key people actively help us', '关键人主动协助我们'),
        t(
            'Do key people of the decision body actively help us plan and run the deal?',
            '决策机构的关键人是否主动协助我们规划、推进这个业务机会？'
        ),
        t(
            'Turn Supporters into Mentors: ask for advice on the next step.',
            '把支持者发展为指导者：就下一步向其请教。'
        )
    ),
    firstElement(
        3,
        'First_Majority_Choose__c',
        t('The majority of the decision body chooses us', '决策机构多数人选定我们'),
        t('Does the majority of the decision body choose us?', '决策机构的多数成员是否选定我们？'),
        t(
            'Work on the neutral and unknown members of the decision body first.',
            '优先争取决策机构中的中立和态度不明的成员。'
        )
    )
];

export const CLEAR_ELEMENTS: readonly C139ElementDef[] = [
    clearElement(
        1,
        'Clear_Our_Process__c',
        t('Our sales process and milestones', '我们的推进流程和关键节点'),
        t(
            'Do we know our own process and milestones for deals like this and for this one?',
            '是否清楚同类业务机会及本业务机会中我方的推进流程和关键节点？'
        ),
        t('Write down the next milestones and who owns each.', '写下后续关键节点及负责人。')
    ),
    clearElement(
        2,
        'Clear_Procurement_Process__c',
        t("The customer's procurement process", '客户的采购流程和关键节点'),
        t(
            "Do we know the customer's procurement steps, dates and approvals?",
            '是否清楚客户的采购步骤、时间和审批？'
        ),
        t('Ask procurement or your coach for the steps and dates.', '向采购部门或教练了解步骤和时间点。')
    ),
    clearElement(
        3,
        'Clear_Organization__c',
        t('The organisation and what resonates', '组织结构及主要成员的共鸣点'),
        t(
            "Do we know the customer's organisation, its main members and what resonates with each?",
            '是否清楚客户的组织结构、主要成员及各自的共鸣点？'
        ),
        t('Complete the stakeholder map for every main member.', '为每位主要成员完成五维评估。')
    ),
    clearElement(
        4,
        'Clear_Decision_Body__c',
        t('The decision body and its leanings', '决策机构及成员的影响力、定位和倾向'),
        t(
            'Do we know who is in the decision body, their influence, position and leaning?',
            '是否清楚决策机构成员及其影响力、定位和倾向？'
        ),
        t(
            'Mark decision-body members on the map and fill their influence and attitude.',
            '在多维汇总中标出决策机构成员，并填写其影响力和态度。'
        )
    ),
    clearElement(
        5,
        'Clear_Decision_Criteria__c',
        t('Why the project exists and its decision points', '立项原因及决策点'),
        t(
            "Do we know why the project exists, each decision maker's decision points and the key one?",
            '是否清楚立项原因、每位决策者的决策点以及最关键的一个？'
        ),
        t("Record each decision-body member's decision focus.", '记录每位决策机构成员的决策关注点。')
    ),
    clearElement(
        6,
        'Clear_Funding__c',
        t('Funding and payment habits', '付款信誉、资金来源及到位情况'),
        t(
            "Do we know the customer's payment reputation, where the money comes from and whether it is in place?",
            '是否清楚客户的付款信誉、资金来源及是否到位？'
        ),
        t('Ask finance about budget approval and payment terms.', '向财务了解预算审批和付款条件。')
    ),
    clearElement(
        7,
        'Clear_Vendor_Resources__c',
        t("Each vendor's resources", '各参与者可利用的资源及作用'),
        t(
            'Do we know the resources each vendor in the deal can use, and their effect?',
            '是否清楚各参与厂商可以利用的资源及其作用？'
        ),
        t(
            "List each competitor's partners, references and sponsors.",
            '列出每个竞争对手的合作伙伴、案例和支持者。'
        )
    ),
    clearElement(
        8,
        'Clear_Vendor_Activities__c',
        t("Each vendor's activities and SWOT", '各参与者的推进活动及 SWOT'),
        t(
            "Do we know each vendor's activities and SWOT, and how the customer sees them?",
            '是否清楚各厂商的推进活动和 SWOT，以及客户如何看待？'
        ),
        t(
            "Build each vendor's SWOT from public information and the customer's open feedback; never ask for other vendors' bids or internal scores.",
            '根据公开信息和客户公开的反馈梳理各厂商的 SWOT；绝不索取其他厂商的报价或内部评分。'
        )
    ),
    clearElement(
        9,
        'Clear_Key_Factors__c',
        t('Key success factors and risks', '关键成功要素与风险'),
        t(
            'Do we know the key success factors and the risks of this deal?',
            '是否清楚本业务机会的关键成功要素和风险？'
        ),
        t(
            'Write the top three factors and risks, and an action for each.',
            '写出前三项要素和风险，并各定一项行动。'
        )
    )
];

/** All 14 elements: coach calibration, 1 Win, 3 First, 9 Clear. */
export const C139_ELEMENTS: readonly C139ElementDef[] = [COACH, WIN, ...FIRST_ELEMENTS, ...CLEAR_ELEMENTS];
