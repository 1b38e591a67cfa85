// The trend's own texts, in English and Simplified Chinese. `{name}` marks a parameter.
import { LocalizedText, t } from 'c/dealControlModel';

export const LABELS = {
    heading: t('Trend, last {days} days', '近 {days} 天趋势'),
    latest: t('Last snapshot, {date}: {score}', '最近控单快照（{date}）：{score}'),
    latestWithBand: t('Last snapshot, {date}: {score} ({band})', '最近控单快照（{date}）：{score}（{band}）'),
    deltaSince: t('{delta} since {date}', '自 {date} 以来 {delta}'),
    noChangeSince: t('No change since {date}', '自 {date} 以来没有变化'),
    firstSnapshot: t(
        'First snapshot on {date}: the line starts with the second.',
        '首个控单快照记录于 {date}：从第二个起显示趋势线。'
    ),
    noSnapshots: t(
        'No snapshots yet — the nightly rescore takes one a day.',
        '尚无控单快照——每晚的重新评分每天记录一个。'
    ),
    noSnapshotsAdmin: t(
        'For admins: schedule the rescore script nightly with --snapshot --apply (the rescore guide, "Schedule it nightly"); the first point appears the morning after.',
        '致管理员：请安排每晚运行重新评分脚本，并加上 --snapshot --apply（见重新评分指南“Schedule it nightly”一节）；次日早上即出现第一个点。'
    ),
    summary: t(
        'Control score over the last {days} days: {count} snapshots from {first} to {last}, from {from} to {to} ({delta}), lowest {min}, highest {max}.',
        '近 {days} 天的控单得分：{first}至{last}共 {count} 个控单快照，从 {from} 到 {to}（{delta}），最低 {min}，最高 {max}。'
    ),
    summaryBand: t('Band on the last snapshot: {band}.', '最近控单快照的控单区间：{band}。'),
    noChange: t('no change', '没有变化')
} as const satisfies Record<string, LocalizedText>;
