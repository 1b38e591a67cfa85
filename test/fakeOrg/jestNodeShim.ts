import { addAbortListener } from 'node:events';

/**
 * Node 22 adds Symbol.dispose to its main realm only. Jest runs tests in a vm context whose Symbol
 * lacks it, and undici 8 (jsforce's HTTP client) reads `addAbortListener(...)[Symbol.dispose]`, so
 * every jsforce request inside Jest fails with "removeAbortListener is not a function". This gives
 * the test realm the host's symbol. Import it before using jsforce in a Jest test.
 */
function hostDisposeSymbol(): symbol | undefined {
    const probe = addAbortListener(new AbortController().signal, () => undefined);
    // The returned Disposable's only key is the host's dispose symbol ("nodejs.dispose" in Node 22).
    const [symbol] = Object.getOwnPropertySymbols(probe);
    if (symbol) (probe as unknown as Record<symbol, () => void>)[symbol]();
    return symbol;
}

if (typeof Symbol.dispose !== 'symbol') {
    const dispose = hostDisposeSymbol();
    if (dispose) Object.defineProperty(Symbol, 'dispose', { value: dispose });
}

export {};
