// Who is behind the political map's two scorecard warnings: the model's message says what is wrong
// ("someone who leans against us pulls on a top decision maker"); the rep also needs the names to
// act on it. Read from the same map the score was computed with, so the names and the code agree.
import {
    ATTITUDE_TO_US,
    Lang,
    NormalizedStakeholder,
    PoliticalMap,
    findValue,
    opposingPullersOf,
    personOf
} from 'c/dealControlModel';
import { label } from './labels';

/** The map keys people by Id, so everyone on it has at least that. */
function nameOf(person: NormalizedStakeholder): string {
    return person.name ?? person.id ?? '';
}

function listOf(items: readonly string[], lang: Lang): string {
    return items.join(lang === 'zh' ? '、' : ', ');
}

/** "仇明 (Non-supporter)" / "仇明（非支持者）": the attitude is why the pull counts against us. */
function pullerText(person: NormalizedStakeholder, lang: Lang): string {
    const attitude = findValue(ATTITUDE_TO_US, person.attitudeToUs)?.label[lang];
    return attitude ? label('personWithAttitude', lang, { name: nameOf(person), attitude }) : nameOf(person);
}

/** WIN_UNDERMINED: each top decision maker who is pulled against us, and by whom. */
function winUnderminedDetail(map: PoliticalMap, lang: Lang): string | null {
    const lines = map.stakeholders
        .filter((s) => s.topDecisionMaker)
        .map((s) => ({ person: s, pullers: opposingPullersOf(map, s.id) }))
        .filter(({ pullers }) => pullers.length > 0)
        .map(({ person, pullers }) =>
            label('pulledBy', lang, {
                person: nameOf(person),
                pullers: listOf(
                    pullers.map((p) => pullerText(p, lang)),
                    lang
                )
            })
        );
    return lines.length > 0 ? lines.join(lang === 'zh' ? '' : ' ') : null;
}

/** COACH_NO_ACCESS: the coach and the top decision makers a line should join them to. */
function coachNoAccessDetail(map: PoliticalMap, coachId: string | null, lang: Lang): string | null {
    const coach = personOf(map, coachId);
    const tops = map.stakeholders.filter((s) => s.topDecisionMaker);
    if (!coach || tops.length === 0) return null;
    return label('coachAndTops', lang, {
        coach: nameOf(coach),
        tops: listOf(
            tops.map((s) => nameOf(s)),
            lang
        )
    });
}

/** The names behind a finding, or null for codes that need none (or without a map). */
export function findingDetailOf(
    code: string,
    map: PoliticalMap | undefined,
    coachStakeholderId: string | null,
    lang: Lang
): string | null {
    if (!map) return null;
    if (code === 'WIN_UNDERMINED') return winUnderminedDetail(map, lang);
    if (code === 'COACH_NO_ACCESS') return coachNoAccessDetail(map, coachStakeholderId, lang);
    return null;
}
