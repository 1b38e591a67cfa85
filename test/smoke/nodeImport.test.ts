import { scoreStakeholder } from 'c/dealControlModel';

it('imports the model in the node project', () => {
    expect(
        scoreStakeholder({ Attitude_To_Us__c: 'Mentor' }, { scoredAt: 'x' }).derived.Support_Index__c
    ).toBe(2);
});
