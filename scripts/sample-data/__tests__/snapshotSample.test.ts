import { readFileSync } from 'node:fs';
import path from 'node:path';
import {
    CLOSED_OPPORTUNITY_FILE,
    SNAPSHOT_FILE,
    generateSnapshotSample,
    treeFileText
} from '../snapshotSample';

const dataDir = path.resolve(__dirname, '../../../data');

describe('the generated snapshot sample', () => {
    const sample = generateSnapshotSample();

    it.each([
        [CLOSED_OPPORTUNITY_FILE, sample.closedOpportunities],
        [SNAPSHOT_FILE, sample.snapshots]
    ])(
        'data/%s is exactly what the generator writes (rerun npm run sample:snapshots after changing it)',
        (file, records) => {
            expect(readFileSync(path.join(dataDir, file), 'utf8')).toBe(treeFileText(records));
        }
    );

    it('comes out the same on every run: no clock, no unseeded randomness', () => {
        expect(generateSnapshotSample()).toEqual(sample);
        expect(generateSnapshotSample(7)).not.toEqual(sample);
    });
});
