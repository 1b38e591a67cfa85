import { PicklistFieldDef, PicklistValueDef, STAKEHOLDER_OBJECT } from './picklists';
import { LocalizedText, t } from './text';

function value(
    apiName: string,
    label: LocalizedText,
    description: LocalizedText,
    guidance: LocalizedText
): PicklistValueDef {
    return Object.freeze({ value: apiName, label, description, guidance });
}

const UNKNOWN_IS_A_GAP = t(
    'Not yet known: a gap to close, not a default.',
    '尚不清楚：这是需要补上的信息缺口，而不是默认值。'
);

export const ROLE: PicklistFieldDef = Object.freeze({
    object: STAKEHOLDER_OBJECT,
    field: 'Role__c',
    multiSelect: false,
    label: t('Role', '角色'),
    help: t(
        "The person's role in the customer's organisation for this purchase.",
        '此人在客户组织中、与本次采购相关的角色。'
    ),
    blankMeans: UNKNOWN_IS_A_GAP,
    values: [
        value(
            'Chairman',
            t('Chairman', '董事长'),
            t(
                'Chairs the board; often the final word on large purchases.',
                '主持董事会，大额采购往往由其最终拍板。'
            ),
            t(
                'Meet at executive level with a senior sponsor from our side; talk strategy, not features.',
                '由我方高层出面对等拜访；谈战略价值，不谈功能细节。'
            )
        ),
        value(
            'General_Manager',
            t('General manager', '总经理'),
            t(
                'Runs the business; weighs the purchase against company goals.',
                '负责经营，从公司目标衡量这次采购。'
            ),
            t(
                'Tie the project to the business results the general manager is measured on.',
                '把本次采购与总经理被考核的经营结果联系起来。'
            )
        ),
        value(
            'VP_In_Charge',
            t('VP in charge', '分管副总'),
            t('The executive who owns this purchase.', '分管本次采购的副总。'),
            t(
                'Help the VP in charge build a case the top decision maker will trust; learn their decision points.',
                '帮助分管副总形成能让最高决策者信服的论证；弄清其决策点。'
            )
        ),
        value(
            'CFO',
            t('CFO', '财务总监'),
            t('Owns budget, payment terms and return on investment.', '掌管预算、付款条件和投资回报。'),
            t(
                'Bring a clear cost and return case; confirm where the money comes from.',
                '拿出清晰的成本与回报测算；确认资金来源。'
            )
        ),
        value(
            'IT_Head',
            t('Head of IT', '信息化主管'),
            t('Leads IT; often runs the selection.', '负责信息化，常常主导选型。'),
            t(
                'Prove technical fit with references and demos; respect the selection process they run and answer every requirement in full.',
                '用案例和演示证明技术匹配；尊重其主导的选型流程，完整回应每一项需求。'
            )
        ),
        value(
            'Department_Head',
            t('Department head', '部门负责人'),
            t('Heads a business department that will use the system.', '将使用系统的业务部门负责人。'),
            t(
                "Show how the department's daily problems get solved; win them as users.",
                '展示部门日常问题如何被解决；把他们争取为用户支持者。'
            )
        ),
        value(
            'IT_Staff',
            t('IT staff', 'IT 工程师'),
            t('Engineers who evaluate and will run the system.', '评估并将运维系统的工程师。'),
            t(
                'Support their evaluation work; they often hold information others lack.',
                '支持他们的评估工作；他们常掌握别人没有的信息。'
            )
        ),
        value(
            'Procurement',
            t('Procurement', '采购部门负责人'),
            t(
                'Heads the purchasing department: runs the purchasing process and contract terms.',
                '客户采购部门的负责人：主管采购流程和合同条款。'
            ),
            t(
                'Learn the procurement steps and dates early; follow the rules to the letter.',
                '尽早弄清采购步骤和时间点；严格遵守规则。'
            )
        ),
        value(
            'External_Consultant',
            t('External consultant', '外部顾问'),
            t(
                'An outside adviser, for example one who writes the requirements or the scoring sheet.',
                '外部顾问，例如编写需求或评分标准的咨询公司。'
            ),
            t(
                'Learn their method and the published evaluation criteria; give them complete, accurate material through the official channel, and never try to shape the criteria or the scoring.',
                '了解其方法和已公布的评审标准；通过正式渠道提供完整、准确的材料，绝不试图左右评审标准或评分。'
            )
        ),
        value(
            'Other',
            t('Other', '其他'),
            t('Any other participant in the decision.', '其他参与决策的人。'),
            t(
                'Note in the title what the person does in this purchase.',
                '在职务中注明此人在本次采购中的作用。'
            )
        )
    ]
});

export const INFLUENCE: PicklistFieldDef = Object.freeze({
    object: STAKEHOLDER_OBJECT,
    field: 'Influence__c',
    multiSelect: false,
    label: t('Influence', '影响力'),
    help: t(
        'How much this person can sway the final decision, whatever their title.',
        '此人对最终决定的左右程度，不论其职务高低。'
    ),
    blankMeans: UNKNOWN_IS_A_GAP,
    values: [
        value(
            'High',
            t('High', '高'),
            t('Can decide or block the purchase.', '能够决定或否决这次采购。'),
            t(
                'Know this person well: every dimension should be known.',
                '必须充分了解此人：每个维度都应清楚。'
            )
        ),
        value(
            'Medium',
            t('Medium', '中'),
            t('Is listened to; shapes the options.', '意见会被听取，能影响备选方案。'),
            t(
                'Keep them informed and find what they need from the project.',
                '保持沟通，弄清其对本次采购的诉求。'
            )
        ),
        value(
            'Low',
            t('Low', '低'),
            t('Takes part but rarely changes the outcome.', '参与其中，但很少改变结果。'),
            t('Do not neglect them: they may carry information.', '不要忽视：他们可能掌握信息。')
        )
    ]
});

const NEED_VALUES: readonly PicklistValueDef[] = [
    value(
        'Physiological',
        t('Physiological', '生理需求'),
        t(
            'Looks for personal gain from the purchase; seen more in junior roles, but not only there.',
            '希望从本次采购中得到个人好处；常见于较低职位，但不限于此。'
        ),
        t(
            'Answer personal interest with legitimate value only: what the purchase and our product do for their work, their results and their standing. Never offer gifts, hospitality, payments, kickbacks or personal favours, whatever the amount; if asked for one, decline and tell your manager.',
            '只以正当价值回应其个人诉求：本次采购和我们的产品能为其工作、业绩和职业发展带来什么。无论金额大小，绝不提供礼品、宴请、钱款、回扣或个人好处；对方索要时，明确拒绝并告知你的经理。'
        )
    ),
    value(
        'Safety',
        t('Safety', '安全需求'),
        t(
            'Cautious; avoids standing out; follows the crowd or "fair, open, just" rules. Typical when new, near retirement, amid internal politics, or when many eyes watch the purchase.',
            '谨慎、不出头、随大流或强调“公平公开公正”。常见于新到任、临近退休、内部斗争激烈或采购受多方关注时。'
        ),
        t(
            'Show that choosing us is the safe, right decision: references, proof and a clear plan for the risks; respect their fair, open process and never ask to help design it; remove their worries one by one.',
            '证明选择我们是稳妥、正确的决定：提供案例、验证和清晰的风险应对方案；尊重其公平公开的流程，绝不要求参与设计；逐一消除其顾虑。'
        )
    ),
    value(
        'Belonging',
        t('Belonging', '归属需求'),
        t(
            'Aligns with top management and relays its views; typical of a new middle manager, a leadership change, or factions.',
            '与高层保持一致并传递领导层意图；常见于新任中层、领导层变动或派系之中。'
        ),
        t(
            "Help them read top management's position; show how working with us serves their leaders.",
            '帮助其把握高层的态度；展示与我们合作如何有利于其领导。'
        )
    ),
    value(
        'Esteem',
        t('Esteem', '尊重需求'),
        t(
            'Wants to prove authority; holds to own decisions even against others. Typical of a new senior executive or some technical experts.',
            '希望证明自己的权威，坚持己见甚至与他人对立。常见于新任高管或部分技术专家。'
        ),
        t(
            'Learn which camp they are in; never challenge their authority; let them own the good decision.',
            '分清其所在阵营；绝不挑战其权威；让好的决定成为他们的功劳。'
        )
    ),
    value(
        'Self_Actualization',
        t('Self-actualisation', '自我实现'),
        t(
            'Driven by a business breakthrough and personal achievement; typical of rising executives.',
            '以业务突破和个人成就为目标；常见于风头正劲的高管。'
        ),
        t(
            'Stand in their position: paint the future of their business and the role they play in it.',
            '站在对方立场，描绘其业务的未来以及他在其中的作用。'
        )
    )
];

export const DOMINANT_NEED: PicklistFieldDef = Object.freeze({
    object: STAKEHOLDER_OBJECT,
    field: 'Dominant_Need__c',
    multiSelect: false,
    label: t('Dominant need', '主导需求（马斯洛需求层次）'),
    help: t(
        "The need (Maslow) that drives this person's behaviour in this purchase most. Several can coexist; pick the one that dominates.",
        '在本次采购中最驱动此人行为的需求（马斯洛需求层次）。多种需求可并存，选择占主导的一种。'
    ),
    blankMeans: UNKNOWN_IS_A_GAP,
    values: NEED_VALUES
});

export const OTHER_NEEDS: PicklistFieldDef = Object.freeze({
    object: STAKEHOLDER_OBJECT,
    field: 'Other_Needs__c',
    multiSelect: true,
    label: t('Other needs', '其他需求'),
    help: t('Needs that are also present besides the dominant one.', '除主导需求之外同时存在的需求。'),
    blankMeans: t('None recorded.', '未记录。'),
    values: NEED_VALUES
});

export const CHANGE_ATTITUDE: PicklistFieldDef = Object.freeze({
    object: STAKEHOLDER_OBJECT,
    field: 'Change_Attitude__c',
    multiSelect: false,
    label: t('Attitude to change', '对待变革的态度'),
    help: t(
        'How the person reacts to the change the project brings: it tells what they want to buy and how to position our value.',
        '此人对本次采购所带来变革的反应：决定其想买什么以及我们如何定位价值。'
    ),
    blankMeans: UNKNOWN_IS_A_GAP,
    values: [
        value(
            'Innovator',
            t('Innovator', '革新主义者'),
            t(
                'Wants technical leadership; buys new, experimental solutions.',
                '追求技术领先；愿意购买新的、试验性的方案。'
            ),
            t('Position on product superiority.', '以产品优越性定位价值。')
        ),
        value(
            'Visionary',
            t('Visionary', '高瞻远瞩者'),
            t(
                'Wants recognised innovation; buys customised solutions.',
                '追求得到公认的革新；购买客户化方案。'
            ),
            t('Position on future competitive advantage.', '以未来竞争优势定位价值。')
        ),
        value(
            'Pragmatist',
            t('Pragmatist', '实用主义者'),
            t(
                'Wants progress on real problems; buys complete solutions.',
                '追求解决实际问题的进展；购买完整解决方案。'
            ),
            t('Position on relevant success cases.', '以相关成功案例定位价值。')
        ),
        value(
            'Conservative',
            t('Conservative', '保守主义者'),
            t(
                'Wants not to fall behind; buys low-price, no-risk industry standards.',
                '只求不落后；购买价格低、无风险的行业标准。'
            ),
            t('Position on assured return on investment.', '以确保投资回报定位价值。')
        ),
        value(
            'Laggard',
            t('Laggard', '落后者'),
            t(
                'Wants to keep the status quo; buys improvements of current operations.',
                '希望维持现状；购买对现有业务的改进。'
            ),
            t('Position on protecting the existing investment.', '以保护现有投资定位价值。')
        )
    ]
});

export const DECISION_FOCUS: PicklistFieldDef = Object.freeze({
    object: STAKEHOLDER_OBJECT,
    field: 'Decision_Focus__c',
    multiSelect: true,
    label: t('Decision focus', '决策关注点'),
    help: t(
        'What the person looks at when judging vendors; one or more.',
        '此人评判供应商时关注的方面，可多选。'
    ),
    blankMeans: UNKNOWN_IS_A_GAP,
    values: [
        value(
            'Business',
            t('Business', '业务'),
            t(
                'Business goals and problems, efficiency, cost reduction, total cost of ownership, switching cost.',
                '业务目标和问题解决、运营效率、成本降低、总拥有成本、转换成本。'
            ),
            t('Quantify the business outcome and the cost of switching.', '量化业务成果和转换成本。')
        ),
        value(
            'Technical',
            t('Technical', '技术'),
            t(
                "Performance and leadership, industry references, peers' expert opinion, proof and demos, our staff's expertise.",
                '性能与领先程度、行业案例、同行专家意见、技术验证与演示、我方技术人员的专业程度。'
            ),
            t(
                'Offer a proof of concept, references and access to our experts.',
                '提供技术验证、案例和我方专家支持。'
            )
        ),
        value(
            'Financial',
            t('Financial', '财务'),
            t(
                'Budget, price, discount, cost comparison, value for money, payment terms.',
                '预算、价格、折扣、成本比较、性价比、付款条件。'
            ),
            t(
                'Bring a transparent price, value-for-money comparison and payment options.',
                '给出透明的价格、性价比对比和付款方案。'
            )
        ),
        value(
            'Relationship',
            t('Relationship', '关系'),
            t(
                "Views of superiors, experts and subordinates; personal and company relationships; the rep's rapport.",
                '上级、专家和下属的意见；个人及企业间的合作关系；销售人员的亲和度。'
            ),
            t(
                'Build trust through reliability and the people they respect; relationships never replace value.',
                '通过可靠的表现和其信任的人建立信任；关系不能代替价值。'
            )
        )
    ]
});

export const CONTACT_CLOSENESS: PicklistFieldDef = Object.freeze({
    object: STAKEHOLDER_OBJECT,
    field: 'Contact_Closeness__c',
    multiSelect: false,
    label: t('Closeness of contact', '联系紧密度'),
    help: t(
        'How much information the person shares with us, not how often we meet.',
        '按此人与我们分享信息的多少来判断，而不是见面次数。'
    ),
    blankMeans: UNKNOWN_IS_A_GAP,
    values: [
        value(
            'No_Contact',
            t('No contact', '没有联系'),
            t('We have no channel to this person.', '我们与此人没有任何联系渠道。'),
            t(
                'Plan a first meeting, ideally introduced by someone they trust.',
                '安排首次接触，最好由其信任的人引荐。'
            )
        ),
        value(
            'Little',
            t('Little', '联系较少'),
            t('We meet, but they share little.', '有接触，但对方分享的信息很少。'),
            t(
                'Find what they care about and give a reason to share more.',
                '找到其关心的问题，让其有理由分享更多。'
            )
        ),
        value(
            'More',
            t('More', '联系较多'),
            t('They share useful information regularly.', '对方定期分享有用的信息。'),
            t('Verify what they tell you with a second source.', '用第二个信息来源核实其所说内容。')
        ),
        value(
            'Deep',
            t('Deep', '联系深入'),
            t('They share openly, including internal matters.', '对方坦诚分享，包括内部情况。'),
            t(
                'Check their attitude fits: deep contact with a critic may mean our information leaks.',
                '核对其态度是否相符：与反对者联系深入可能意味着我方信息外泄。'
            )
        )
    ]
});

export const ATTITUDE_TO_US: PicklistFieldDef = Object.freeze({
    object: STAKEHOLDER_OBJECT,
    field: 'Attitude_To_Us__c',
    multiSelect: false,
    label: t('Attitude to us', '对我方的态度'),
    help: t(
        'Where the person stands on us winning: judge by what they do, not by what they say.',
        '此人对我方赢单的立场：看其行动，而不是听其言辞。'
    ),
    blankMeans: UNKNOWN_IS_A_GAP,
    values: [
        value(
            'Mentor',
            t('Mentor', '指导者'),
            t(
                "Our strongest backer: gives feedback and guidance and helps us read the customer's internal politics and the competition; reliable. The coach of C139.",
                '我方的坚定支持者：提供反馈和指导，帮助我们了解客户内部关系和竞争态势，可以依赖。即 C139 中的教练。'
            ),
            t(
                "Confirm every C139 item with them; never ask them for anything their employer's rules keep confidential.",
                '与其逐项确认 C139；绝不请其提供其单位规定须保密的任何信息。'
            )
        ),
        value(
            'Supporter',
            t('Supporter', '支持者'),
            t('Wants us to win but may retreat under pressure.', '希望我方赢单，但在压力下可能退缩。'),
            t('Give them arguments and proof they can use internally.', '为其提供可在内部使用的论据和证明。')
        ),
        value(
            'Neutral',
            t('Neutral', '中立者'),
            t(
                'Shows no preference: truly neutral, or avoiding trouble.',
                '不表现出偏好：可能确实中立，也可能是不想得罪人。'
            ),
            t(
                'Find out which; address their decision focus to win them over.',
                '弄清是哪种；针对其决策关注点争取其支持。'
            )
        ),
        value(
            'Non_Supporter',
            t('Non-supporter', '非支持者'),
            t(
                'Leans to a competitor; may turn neutral under pressure.',
                '倾向竞争对手；在压力下可能转为中立。'
            ),
            t(
                'Learn why they lean elsewhere; answer their objections with facts, and keep treating them with respect.',
                '弄清其倾向他方的原因；用事实回应其异议，并始终尊重对方。'
            )
        ),
        value(
            'Opponent',
            t('Opponent', '反对者'),
            t(
                "Does not want us to win; blocks information and leaks ours; often a competitor's mentor.",
                '不希望我方赢单；封锁信息并向对手透露我方信息；往往是竞争对手的指导者。'
            ),
            t(
                'Stay courteous and factual; share nothing confidential; earn the support of others on the merits.',
                '保持礼貌、以事实沟通；不透露保密信息；凭实力争取其他人的支持。'
            )
        )
    ]
});

/** Every picklist of Stakeholder_Assessment__c, in the order the editor shows them. */
export const STAKEHOLDER_PICKLISTS: readonly PicklistFieldDef[] = [
    ROLE,
    INFLUENCE,
    DOMINANT_NEED,
    OTHER_NEEDS,
    CHANGE_ATTITUDE,
    DECISION_FOCUS,
    CONTACT_CLOSENESS,
    ATTITUDE_TO_US
];

/** The five dimensions of the method, in the method's order. */
export const FIVE_DIMENSIONS: readonly PicklistFieldDef[] = [
    DOMINANT_NEED,
    CHANGE_ATTITUDE,
    DECISION_FOCUS,
    CONTACT_CLOSENESS,
    ATTITUDE_TO_US
];
