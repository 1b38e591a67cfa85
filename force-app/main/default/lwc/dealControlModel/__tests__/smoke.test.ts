import { MODEL_VERSION, scoreScorecard } from 'c/dealControlModel';

it('scores an empty scorecard as Losing with no coach', () => {
    const r = scoreScorecard({}, [], { scoredAt: '2026-01-01T00:00:00Z' });
    expect(r.derived.Control_Score__c).toBe(0);
    expect(r.derived.Model_Version__c).toBe(MODEL_VERSION);
});
