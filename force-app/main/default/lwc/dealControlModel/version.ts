/**
 * Stamped on every derived value the model produces (Model_Version__c). Bump it whenever a value,
 * weight, threshold or rule changes, so stored scores can be told apart and the rescore script can
 * find every record scored by an older model.
 */
export const MODEL_VERSION = 'C139-v1.0.0';
