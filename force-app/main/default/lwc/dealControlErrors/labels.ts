// What Deal Control tells a rep when something fails: a plain sentence per kind of failure, in
// English and Simplified Chinese, each saying what to do. The platform's own text goes only to the
// "details" disclosure and the console, for the admin.
import { LocalizedText, t } from 'c/dealControlModel';
import type { ErrorKind } from 'c/dealControlData';

export const ADVICE: Readonly<Record<ErrorKind, LocalizedText>> = {
    network: t(
        'Salesforce could not be reached. Check your connection, then try again.',
        '无法连接 Salesforce。请检查网络连接，然后重试。'
    ),
    access: t(
        'You do not have access to this. Ask your Salesforce admin to give you the Deal Control permission set.',
        '你没有相应的访问权限。请联系 Salesforce 管理员为你分配控单管理权限集。'
    ),
    setup: t(
        'Deal Control is not fully set up for you: a field or object is missing or hidden. Ask your Salesforce admin to check the installation and your permission set.',
        '控单管理尚未为你完整配置：有字段或对象缺失或不可见。请联系 Salesforce 管理员检查安装情况和你的权限集。'
    ),
    notFound: t(
        'This record no longer exists; someone may have deleted it. Reload the page.',
        '此记录已不存在，可能已被他人删除。请刷新页面。'
    ),
    validation: t(
        'Salesforce did not accept some values. Correct them and save again.',
        'Salesforce 未接受部分内容。请修改后重新保存。'
    ),
    conflict: t(
        'Someone else saved this record after you opened it. Review their values and save again.',
        '在你打开之后，他人保存了此记录。请核对对方的内容后重新保存。'
    ),
    duplicate: t(
        'A colleague created this record a moment ago. Review theirs and save again.',
        '同事刚刚创建了此记录。请核对后重新保存。'
    ),
    unknown: t(
        'Something went wrong in Salesforce. Try again; if it happens again, send the details below to your Salesforce admin.',
        'Salesforce 出现了问题。请重试；如果再次出现，请把下面的详细信息发给 Salesforce 管理员。'
    )
};

/** Plain messages for a value Salesforce refused at one field (validation rules keep their own). */
export const FIELD_ADVICE = {
    INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST: t(
        'This value is not allowed here. Choose one of the listed values.',
        '此处不允许该值。请从列出的选项中选择。'
    ),
    REQUIRED_FIELD_MISSING: t('Fill in this field.', '请填写此字段。'),
    STRING_TOO_LONG: t('This text is too long. Shorten it.', '内容过长，请缩短。'),
    other: t(
        'Salesforce did not accept this value. Change it and save again.',
        'Salesforce 未接受此值。请修改后重新保存。'
    )
} satisfies Record<string, LocalizedText>;

export const PANEL = {
    details: t('Details for your admin', '给管理员的详细信息')
} satisfies Record<string, LocalizedText>;
