/** Deterministic pseudo-random numbers (mulberry32), so a seed reproduces a run exactly. */
export function seededRandom(seed: number): () => number {
    let state = seed >>> 0;
    return () => {
        state = (state + 0x6d2b79f5) >>> 0;
        let t = state;
        t = Math.imul(t ^ (t >>> 15), t | 1);
        t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
        return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
}

/** A stateless hash of integers to [0, 1): the same inputs always give the same number. */
export function hashUnit(...parts: number[]): number {
    let h = 0x811c9dc5;
    for (const p of parts) {
        h = Math.imul(h ^ (p >>> 0), 0x01000193);
        h ^= h >>> 13;
        h = Math.imul(h, 0x5bd1e995);
        h ^= h >>> 15;
    }
    return (h >>> 0) / 4294967296;
}

/** Fisher–Yates shuffle of indexes 0..n-1. */
export function shuffledIndexes(n: number, random: () => number): Uint32Array {
    const order = new Uint32Array(n);
    for (let i = 0; i < n; i++) order[i] = i;
    for (let i = n - 1; i > 0; i--) {
        const j = Math.floor(random() * (i + 1));
        const t = order[i];
        order[i] = order[j];
        order[j] = t;
    }
    return order;
}
