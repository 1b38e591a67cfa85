import { randomBytes } from 'node:crypto';
import { renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { LocalizedText } from 'c/dealControlModel';
import { fileError } from './errors';

/** Temporary files not yet renamed into place; removed if the process exits first (a second Ctrl-C). */
const pending = new Set<string>();
let cleanupInstalled = false;

function removePending(): void {
    for (const temp of pending) rmSync(temp, { force: true });
    pending.clear();
}

/**
 * An output written under a temporary name next to its target and renamed into place only when
 * complete. A run that stops half-way (Ctrl-C, a bad input row, a full disk) leaves the previous
 * file, or none, never a truncated one; rename within one folder is atomic.
 */
export class AtomicFile {
    readonly temp: string;

    constructor(
        readonly target: string,
        private readonly role: LocalizedText
    ) {
        const dir = path.dirname(path.resolve(target));
        this.temp = path.join(
            dir,
            `.${path.basename(target)}.${process.pid}-${randomBytes(4).toString('hex')}.tmp`
        );
        pending.add(this.temp);
        if (!cleanupInstalled) {
            cleanupInstalled = true;
            process.once('exit', removePending);
        }
    }

    commit(): void {
        try {
            renameSync(this.temp, this.target);
        } catch (error) {
            this.discard();
            throw fileError(error, 'write', this.role, this.target);
        }
        pending.delete(this.temp);
    }

    discard(): void {
        rmSync(this.temp, { force: true });
        pending.delete(this.temp);
    }
}

/** Writes a whole small file (summary.json, a receipt) atomically. */
export function writeFileAtomic(target: string, text: string, role: LocalizedText): void {
    const file = new AtomicFile(target, role);
    try {
        writeFileSync(file.temp, text);
    } catch (error) {
        file.discard();
        throw fileError(error, 'write', role, target);
    }
    file.commit();
}
