import { t } from 'c/dealControlModel';
import { CliError } from '../shared/errors';
import { fill } from '../shared/i18n';

/** What the purge needs to know of an Opportunity. */
export interface OpportunityFacts {
    readonly id: string;
    readonly isClosed: boolean;
    /** YYYY-MM-DD, or null when blank. */
    readonly closeDate: string | null;
    readonly stage: string | null;
}

/** Whether an Opportunity's assessments may be purged: closed (won or lost) before the date. */
export function purgeable(opportunity: OpportunityFacts, closedBefore: string): boolean {
    return opportunity.isClosed && opportunity.closeDate !== null && opportunity.closeDate < closedBefore;
}

/**
 * Refuses the whole run when an Opportunity named with --opportunity is missing, still open, or
 * closed on or after the date: a purge does what was asked or nothing, and never touches a deal
 * that is still being worked.
 */
export function refuseNamed(
    named: readonly string[],
    found: ReadonlyMap<string, OpportunityFacts>,
    closedBefore: string
): void {
    for (const id of named) {
        const opportunity = found.get(id);
        if (!opportunity) {
            throw new CliError(
                'NOT_FOUND',
                fill(
                    t(
                        'Opportunity {id} does not exist (or was deleted).',
                        '业务机会 {id} 不存在（或已删除）。'
                    ),
                    { id }
                ),
                {
                    actions: [t('Check the Id; nothing was changed.', '请检查该 Id；未做任何修改。')]
                }
            );
        }
        if (!opportunity.isClosed) {
            throw new CliError(
                'OPEN_OPPORTUNITY',
                fill(
                    t(
                        'Opportunity {id} is still open (stage {stage}): purge never touches a deal that is being worked.',
                        '业务机会 {id} 仍未关闭（阶段 {stage}）：清除从不处理仍在跟进的业务机会。'
                    ),
                    { id, stage: opportunity.stage ?? '—' }
                ),
                {
                    actions: [
                        t(
                            'Leave it out of --opportunity; nothing was changed.',
                            '请从 --opportunity 中去掉它；未做任何修改。'
                        )
                    ]
                }
            );
        }
        if (!purgeable(opportunity, closedBefore)) {
            throw new CliError(
                'CLOSED_TOO_RECENTLY',
                fill(
                    t(
                        'Opportunity {id} closed on {date}, not before {before}: its assessments are still within the retention period.',
                        '业务机会 {id} 于 {date} 关闭，并非在 {before} 之前：其五维评估仍在保留期内。'
                    ),
                    { id, date: opportunity.closeDate ?? '—', before: closedBefore }
                ),
                {
                    actions: [
                        t(
                            'Leave it out of --opportunity, or use a later --closed-before; nothing was changed.',
                            '请从 --opportunity 中去掉它，或使用更晚的 --closed-before；未做任何修改。'
                        )
                    ]
                }
            );
        }
    }
}
