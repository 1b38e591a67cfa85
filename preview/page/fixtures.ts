// The preview's data: the very JSON files the Jest tests load, grouped the way the tests use them.
// A fixture set belongs to the components whose tests use it; a case is one deal in it
// (?fixture=<case>). Add a case by importing its JSON here.
import dealVitaminErp from '../../force-app/main/default/lwc/dealControlData/__tests__/data/dealVitaminErp.json';
import dealEmpty from '../../force-app/main/default/lwc/dealControlData/__tests__/data/dealEmpty.json';
import dealGraphqlErrors from '../../force-app/main/default/lwc/dealControlData/__tests__/data/graphqlErrors.json';
import dealNetworkError from '../../force-app/main/default/lwc/dealControlData/__tests__/data/networkError.json';
import dealSaveConflict from '../../force-app/main/default/lwc/dealControlData/__tests__/data/saveConflict.json';
import dealSaveFieldErrors from '../../force-app/main/default/lwc/dealControlData/__tests__/data/saveFieldErrors.json';
import scorecardVitaminErp from '../../force-app/main/default/lwc/c139Scorecard/__tests__/fixtures/dealVitaminErp.json';
import scorecardGraphqlErrors from '../../force-app/main/default/lwc/c139Scorecard/__tests__/fixtures/graphqlErrors.json';
import scorecardNetworkError from '../../force-app/main/default/lwc/c139Scorecard/__tests__/fixtures/networkError.json';
import scorecardConflict from '../../force-app/main/default/lwc/c139Scorecard/__tests__/fixtures/preconditionFailed.json';
import scorecardFieldErrors from '../../force-app/main/default/lwc/c139Scorecard/__tests__/fixtures/fieldErrors.json';
import type { DealData, TheirEdit } from '../stubs/recordStore';

export interface FixtureSet {
    /** The deals of this set by case name; the first is the default (the Vitamin Group case). */
    cases: Readonly<Record<string, DealData>>;
    /** The same deal with nothing recorded yet, as the component's own "empty" tests build it. */
    empty(deal: DealData): DealData;
    /** The tests' clock: "today" for due dates, the time stamped on saves. */
    now: string;
    /** What the deal query answers in the errors and partial states. */
    queryErrors: unknown[];
    networkError: unknown;
    conflictError: unknown;
    fieldErrors: unknown;
    /** The colleague's save that the saveConflict state plays behind the page's back. */
    theirEdit: TheirEdit;
}

const clone = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

/**
 * The Vitamin Group case once 李静 has turned against us: her strong influence on 王乘 (a sample link)
 * then pulls him against us, so the grid names her beside his INFLUENCED_AGAINST insight. The grid's
 * Jest tests build the same case from the same fixture.
 */
function withLiJingAgainstUs(deal: DealData): DealData {
    const copy = clone(deal);
    const liJing = copy.uiapi.query.Stakeholder_Assessment__c.edges.find(
        (e) => e.node.Id === 'a01000000000006AAA'
    );
    if (!liJing) throw new Error('Preview fixture: 李静 is missing from the Vitamin Group case');
    liJing.node.Attitude_To_Us__c = { value: 'Non_Supporter' };
    return copy;
}

export const FIXTURE_SETS = {
    // dealControlData/__tests__/data: the grid, editor and quick action tests.
    deal: {
        cases: {
            vitaminErp: dealVitaminErp as DealData,
            empty: dealEmpty as DealData,
            pulledAgainst: withLiJingAgainstUs(dealVitaminErp as DealData)
        },
        empty: () => clone(dealEmpty as DealData),
        now: '2026-03-05T12:00:00.000Z',
        queryErrors: dealGraphqlErrors,
        networkError: dealNetworkError,
        conflictError: dealSaveConflict,
        fieldErrors: dealSaveFieldErrors,
        // As in the editor's conflict test: a colleague lowered 王建's attitude to Neutral.
        theirEdit: {
            id: 'a01000000000001AAA',
            fields: { Attitude_To_Us__c: 'Neutral' },
            lastModifiedDate: '2026-03-05T11:00:00.000Z'
        }
    },
    // c139Scorecard/__tests__/fixtures: the scorecard tests (same deal, a scorecard rated further).
    scorecard: {
        cases: { vitaminErp: scorecardVitaminErp as DealData },
        empty: (deal: DealData) => {
            const copy = clone(deal);
            copy.uiapi.query.C139_Scorecard__c.edges = [];
            return copy;
        },
        now: '2026-11-26T10:00:00.000Z',
        queryErrors: scorecardGraphqlErrors,
        networkError: scorecardNetworkError,
        conflictError: scorecardConflict,
        fieldErrors: scorecardFieldErrors,
        // As in the scorecard's conflict test: a colleague rated funding Clear and Win Against.
        theirEdit: {
            id: 'a02000000000001AAA',
            fields: { Clear_Funding__c: 'Clear', Win__c: 'Against' },
            lastModifiedDate: '2026-11-26T09:58:00.000Z'
        }
    }
} satisfies Record<string, FixtureSet>;

export type FixtureSetName = keyof typeof FIXTURE_SETS;
export const DEFAULT_CASE = 'vitaminErp';
