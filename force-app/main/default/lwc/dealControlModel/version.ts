/**
 * Stamped on every derived value the model produces (Model_Version__c). Bump it whenever a value,
 * weight, threshold or rule behind a stored derived field changes, so stored scores can be told
 * apart and the rescore script can find every record scored by an older model. (Guidance texts and
 * the "work on next" ranking are computed on screen and never stored.)
 */
export const MODEL_VERSION = 'C139-v1.1.0';
