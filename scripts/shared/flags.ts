import { LocalizedText, t } from 'c/dealControlModel';
import { CliError } from './errors';
import { TextParam, fill } from './i18n';

/**
 * One table declares every flag of a script: its type, default, limits, the flags it excludes or
 * needs, where it applies, and its help in English and Chinese. The parser's checks and `--help`
 * are both derived from it, so the two cannot disagree (the sf CLI's plugins declare flags the
 * same way, with oclif's `Flags`).
 *
 * A script declares its table `as const satisfies FlagTable`, merges COMMON_FLAGS, and calls
 * parseFlags(table, argv); the values come back typed (FlagValues<typeof table>).
 */
interface FlagCommon {
    readonly help: LocalizedText;
    readonly short?: string;
    /** The help section it is listed under (a key of the script's HelpSpec groups). */
    readonly group: string;
    /** How the value is shown in help: `<alias>`, `DIR`, `N`. */
    readonly valueName?: string;
    /** Flags that cannot go with this one, each with the reason given when both are used. */
    readonly excludes?: Readonly<Record<string, LocalizedText>>;
    /** Flags this one needs. */
    readonly requires?: readonly string[];
    /** The run cannot start without it (--help still works). */
    readonly required?: boolean;
    /** A context (for example 'org' or 'csv') outside which the flag is refused; see refuseOutside. */
    readonly only?: string;
}

export interface BooleanFlag extends FlagCommon {
    readonly type: 'boolean';
}

export interface IntegerFlag extends FlagCommon {
    readonly type: 'integer';
    readonly default?: number;
    readonly min: number;
    readonly max: number;
}

export interface EnumFlag extends FlagCommon {
    readonly type: 'enum';
    readonly choices: readonly string[];
    readonly default?: string;
}

/** Free text, optionally checked and converted by parse (which throws a CliError to refuse it). */
export interface StringFlag extends FlagCommon {
    readonly type: 'string';
    readonly default?: string;
    readonly parse?: (raw: string) => unknown;
}

/** Repeatable and comma-separated (`--opportunity a,b --opportunity c`); blank items are dropped. */
export interface ListFlag extends FlagCommon {
    readonly type: 'list';
    readonly parse?: (item: string) => unknown;
}

export type FlagDef = BooleanFlag | IntegerFlag | EnumFlag | StringFlag | ListFlag;
export type FlagTable = Readonly<Record<string, FlagDef>>;

type Parsed<F, Fallback> = F extends { parse: (raw: string) => infer R } ? R : Fallback;
type WithDefault<F, V> = F extends { default: unknown }
    ? V
    : F extends { required: true }
      ? V
      : V | undefined;
type ValueOf<F> = F extends { type: 'boolean' }
    ? boolean
    : F extends { type: 'integer' }
      ? WithDefault<F, number>
      : F extends { type: 'enum'; choices: readonly (infer C)[] }
        ? WithDefault<F, C>
        : F extends { type: 'list' }
          ? Array<Parsed<F, string>> | undefined
          : WithDefault<F, Parsed<F, string>>;

export type FlagValues<T extends FlagTable> = { readonly [K in keyof T]: ValueOf<T[K]> };

export interface ParsedFlags<T extends FlagTable> {
    readonly values: FlagValues<T>;
    /** The flags typed on the command line (defaults do not count). */
    readonly given: ReadonlySet<keyof T & string>;
}

/** Flags every admin script has. */
export const COMMON_FLAGS = {
    json: {
        type: 'boolean',
        group: 'output',
        help: t(
            'one JSON document on stdout: { status, result, warnings } (errors: { status, name, message, actions })',
            '在标准输出打印一个 JSON：{ status, result, warnings }（出错时：{ status, name, message, actions }）'
        )
    },
    lang: {
        type: 'enum',
        choices: ['en', 'zh'],
        group: 'output',
        valueName: 'en|zh',
        help: t('language of the messages (default: from LANG)', '提示语言（默认取自 LANG）')
    },
    verbose: {
        type: 'boolean',
        group: 'output',
        help: t('on errors, also print the stack trace and the cause', '出错时同时打印堆栈和底层原因')
    },
    help: {
        type: 'boolean',
        short: 'h',
        group: 'output',
        help: t('this help', '显示本帮助')
    }
} as const satisfies FlagTable;

export function badFlag(text: LocalizedText, params: Readonly<Record<string, TextParam>> = {}): CliError {
    return new CliError('BAD_FLAGS', fill(text, params), {
        actions: [t('Run with --help to see the flags.', '使用 --help 查看所有参数。')]
    });
}

function takesValue(def: FlagDef): boolean {
    return def.type !== 'boolean';
}

function editDistance(a: string, b: string): number {
    const row = Array.from({ length: b.length + 1 }, (_, j) => j);
    for (let i = 1; i <= a.length; i += 1) {
        let previous = row[0];
        row[0] = i;
        for (let j = 1; j <= b.length; j += 1) {
            const current = row[j];
            row[j] = Math.min(row[j] + 1, row[j - 1] + 1, previous + (a[i - 1] === b[j - 1] ? 0 : 1));
            previous = current;
        }
    }
    return row[b.length];
}

function unknownFlag(table: FlagTable, token: string): CliError {
    const name = token.replace(/^-+/, '').split('=')[0];
    const near = Object.keys(table)
        .map((candidate) => ({ candidate, distance: editDistance(name, candidate) }))
        .filter((c) => c.distance <= 2)
        .sort((a, b) => a.distance - b.distance)[0];
    return near
        ? badFlag(t('Unknown flag {flag}. Did you mean --{near}?', '未知参数 {flag}。是否想用 --{near}？'), {
              flag: token.split('=')[0],
              near: near.candidate
          })
        : badFlag(t('Unknown flag {flag}.', '未知参数 {flag}。'), { flag: token.split('=')[0] });
}

/**
 * Splits argv into (flag, raw value) pairs. A value may start with a dash (`--max-api-calls -1`
 * is the value -1, refused later as out of range, not "an ambiguous argument"); a flag given twice
 * is refused rather than silently keeping the last one, except list flags, which collect.
 */
function tokenize(table: FlagTable, argv: readonly string[]): Map<string, string[]> {
    const byShort = new Map(
        Object.entries(table)
            .filter(([, def]) => def.short)
            .map(([name, def]) => [def.short!, name])
    );
    const seen = new Map<string, string[]>();
    for (let i = 0; i < argv.length; i += 1) {
        const token = argv[i];
        let name: string | undefined;
        let inline: string | undefined;
        if (token.startsWith('--') && token.length > 2) {
            const eq = token.indexOf('=');
            name = eq < 0 ? token.slice(2) : token.slice(2, eq);
            inline = eq < 0 ? undefined : token.slice(eq + 1);
        } else if (/^-[A-Za-z]$/.test(token)) {
            name = byShort.get(token.slice(1));
            if (!name) throw unknownFlag(table, token);
        } else {
            throw badFlag(
                t(
                    'Unexpected argument "{arg}": every value belongs to a flag (--flag value).',
                    '意外的参数 "{arg}"：每个值都必须跟在参数后面（--参数 值）。'
                ),
                { arg: token }
            );
        }
        const def = table[name];
        if (!def) throw unknownFlag(table, token);
        let value: string;
        if (!takesValue(def)) {
            if (inline !== undefined) {
                throw badFlag(t('--{flag} takes no value.', '--{flag} 不接受取值。'), { flag: name });
            }
            value = 'true';
        } else if (inline !== undefined) {
            value = inline;
        } else {
            const next = argv[i + 1];
            // "--report --json" lacks a value; "--max-api-calls -1" has one (refused later as out of range).
            if (next === undefined || next.startsWith('--') || /^-[A-Za-z]$/.test(next)) {
                throw badFlag(t('--{flag} needs a value.', '--{flag} 需要一个取值。'), { flag: name });
            }
            value = next;
            i += 1;
        }
        const values = seen.get(name) ?? [];
        if (values.length > 0 && def.type !== 'list') {
            throw badFlag(t('--{flag} was given twice.', '--{flag} 被指定了两次。'), { flag: name });
        }
        values.push(value);
        seen.set(name, values);
    }
    return seen;
}

function integer(name: string, def: IntegerFlag, raw: string): number {
    const text = raw.trim();
    const value = /^-?\d+$/.test(text) ? Number(text) : NaN;
    if (!Number.isSafeInteger(value) || value < def.min || value > def.max) {
        throw badFlag(
            t(
                '--{flag} must be a whole number from {min} to {max}, not "{raw}".',
                '--{flag} 必须是 {min} 到 {max} 之间的整数，而不是 "{raw}"。'
            ),
            { flag: name, min: def.min, max: def.max, raw }
        );
    }
    return value;
}

function convert(name: string, def: FlagDef, raws: readonly string[]): unknown {
    switch (def.type) {
        case 'boolean':
            return true;
        case 'integer':
            return integer(name, def, raws[0]);
        case 'enum':
            if (!def.choices.includes(raws[0])) {
                throw badFlag(
                    t(
                        '--{flag} must be one of {choices}, not "{raw}".',
                        '--{flag} 只能是 {choices}，而不是 "{raw}"。'
                    ),
                    {
                        flag: name,
                        choices: def.choices.join(', '),
                        raw: raws[0]
                    }
                );
            }
            return raws[0];
        case 'list': {
            const items = raws.flatMap((raw) => raw.split(',')).filter((item) => item.trim() !== '');
            if (items.length === 0) {
                throw badFlag(t('--{flag} needs at least one value.', '--{flag} 至少需要一个取值。'), {
                    flag: name
                });
            }
            return items.map((item) => (def.parse ? def.parse(item.trim()) : item.trim()));
        }
        default:
            if (raws[0].trim() === '') {
                throw badFlag(t('--{flag} needs a value.', '--{flag} 需要一个取值。'), { flag: name });
            }
            return def.parse ? def.parse(raws[0]) : raws[0];
    }
}

function defaultOf(def: FlagDef): unknown {
    if (def.type === 'boolean') return false;
    if (def.type === 'list' || def.default === undefined) return undefined;
    return def.type === 'string' && def.parse ? def.parse(def.default) : def.default;
}

/** Parses argv against a flag table: types, limits, exclusions and requirements, all from the table. */
export function parseFlags<T extends FlagTable>(table: T, argv: readonly string[]): ParsedFlags<T> {
    const raw = tokenize(table, argv);
    const values: Record<string, unknown> = {};
    for (const [name, def] of Object.entries(table)) {
        const given = raw.get(name);
        values[name] = given === undefined ? defaultOf(def) : convert(name, def, given);
    }
    const given = new Set(raw.keys()) as Set<keyof T & string>;
    if (!given.has('help' as keyof T & string)) {
        for (const [name, def] of Object.entries(table)) {
            if (def.required && !given.has(name as keyof T & string)) {
                throw badFlag(t('--{flag} is required: {help}.', '必须指定 --{flag}：{help}。'), {
                    flag: name,
                    help: def.help
                });
            }
        }
    }
    for (const name of given) {
        const def = table[name];
        for (const [other, why] of Object.entries(def.excludes ?? {})) {
            if (given.has(other as keyof T & string)) {
                throw badFlag(
                    t('--{a} and --{b} exclude each other: {why}', '--{a} 与 --{b} 不能同时使用：{why}'),
                    { a: name, b: other, why }
                );
            }
        }
        for (const needed of def.requires ?? []) {
            if (!given.has(needed as keyof T & string)) {
                throw badFlag(t('--{a} needs --{b}.', '--{a} 需要与 --{b} 一起使用。'), {
                    a: name,
                    b: needed
                });
            }
        }
    }
    return { values: values as FlagValues<T>, given };
}

/**
 * Refuses flags that belong to another context than the one the run is in (org-only flags in CSV
 * mode, say); `why` says what the flag's context means, for the message.
 */
export function refuseOutside<T extends FlagTable>(
    table: T,
    given: ReadonlySet<keyof T & string>,
    context: string,
    why: Readonly<Record<string, LocalizedText>>
): void {
    for (const name of given) {
        const only = table[name].only;
        if (only !== undefined && only !== context) {
            throw badFlag(t('--{flag} {why}', '--{flag} {why}'), {
                flag: name,
                why: why[only] ?? { en: `is for ${only} runs only.`, zh: `仅用于 ${only} 模式。` }
            });
        }
    }
}

export interface HelpSpec {
    readonly summary: LocalizedText;
    readonly usage: string;
    readonly groups: ReadonlyArray<{
        readonly key: string;
        readonly title: LocalizedText;
        /** Lines above the group's flags (environment variables, say). */
        readonly preface?: LocalizedText;
    }>;
    /** How to read a flag's `only` context in help: `{ org: t('org only', '仅限组织') }`. */
    readonly contexts?: Readonly<Record<string, LocalizedText>>;
    readonly footer?: LocalizedText;
}

const HELP_COLUMN = 30;

function flagLabel(name: string, def: FlagDef): string {
    const short = def.short ? `, -${def.short}` : '';
    const value =
        def.type === 'boolean'
            ? ''
            : ` ${def.valueName ?? (def.type === 'enum' ? def.choices.join('|') : def.type === 'integer' ? 'N' : 'VALUE')}`;
    return `--${name}${short}${value}`;
}

function details(def: FlagDef, spec: HelpSpec): LocalizedText[] {
    const out: LocalizedText[] = [];
    if (def.required) out.push(t('required', '必填'));
    if (def.type === 'integer') {
        out.push(
            def.default === undefined
                ? fill(t('{min}–{max}', '{min}–{max}'), { min: def.min, max: def.max })
                : fill(t('default {d}; {min}–{max}', '默认 {d}；{min}–{max}'), {
                      d: def.default,
                      min: def.min,
                      max: def.max
                  })
        );
    } else if ((def.type === 'enum' || def.type === 'string') && def.default !== undefined) {
        out.push(fill(t('default {d}', '默认 {d}'), { d: def.default }));
    }
    const excluded = Object.keys(def.excludes ?? {});
    if (excluded.length > 0) {
        out.push(
            fill(t('not with {flags}', '不能与 {flags} 同用'), {
                flags: excluded.map((f) => `--${f}`).join(', ')
            })
        );
    }
    if (def.requires?.length) {
        out.push(
            fill(t('needs {flags}', '需配合 {flags}'), {
                flags: def.requires.map((f) => `--${f}`).join(', ')
            })
        );
    }
    if (def.only !== undefined && spec.contexts?.[def.only]) out.push(spec.contexts[def.only]);
    return out;
}

function renderIn(table: FlagTable, spec: HelpSpec, lang: 'en' | 'zh'): string {
    const lines: string[] = [spec.summary[lang], '', `${lang === 'en' ? 'Usage: ' : '用法：'}${spec.usage}`];
    for (const group of spec.groups) {
        lines.push('', `${group.title[lang]}${lang === 'en' ? ':' : '：'}`);
        if (group.preface) lines.push(...group.preface[lang].split('\n').map((l) => `  ${l}`));
        for (const [name, def] of Object.entries(table)) {
            if (def.group !== group.key) continue;
            const label = flagLabel(name, def);
            const extra = details(def, spec).map((d) => d[lang]);
            const help =
                extra.length === 0
                    ? def.help[lang]
                    : lang === 'en'
                      ? `${def.help[lang]} (${extra.join('; ')})`
                      : `${def.help[lang]}（${extra.join('；')}）`;
            lines.push(
                label.length + 2 < HELP_COLUMN
                    ? `  ${label.padEnd(HELP_COLUMN - 2)}${help}`
                    : `  ${label}\n${' '.repeat(HELP_COLUMN)}${help}`
            );
        }
    }
    if (spec.footer) lines.push('', spec.footer[lang]);
    return lines.join('\n');
}

/** The --help text of a script, in both languages, derived from its flag table. */
export function renderHelp(table: FlagTable, spec: HelpSpec): LocalizedText {
    return { en: renderIn(table, spec, 'en'), zh: renderIn(table, spec, 'zh') };
}
