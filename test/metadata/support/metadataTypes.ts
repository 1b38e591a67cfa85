import * as path from 'node:path';

/**
 * Source-format file suffixes and the Metadata API type of their root element. A -meta.xml file
 * whose suffix is not listed here fails the schema test, so no new kind of file escapes the check:
 * add its suffix (and make sure the schema knows the type) when introducing one.
 */
export const SUFFIX_TO_TYPE: Readonly<Record<string, string>> = {
    '.object-meta.xml': 'CustomObject',
    '.field-meta.xml': 'CustomField',
    '.listView-meta.xml': 'ListView',
    '.validationRule-meta.xml': 'ValidationRule',
    '.compactLayout-meta.xml': 'CompactLayout',
    '.recordType-meta.xml': 'RecordType',
    '.webLink-meta.xml': 'WebLink',
    '.fieldSet-meta.xml': 'FieldSet',
    '.permissionset-meta.xml': 'PermissionSet',
    '.permissionsetgroup-meta.xml': 'PermissionSetGroup',
    '.customPermission-meta.xml': 'CustomPermission',
    '.layout-meta.xml': 'Layout',
    '.tab-meta.xml': 'CustomTab',
    '.app-meta.xml': 'CustomApplication',
    '.objectTranslation-meta.xml': 'CustomObjectTranslation',
    '.fieldTranslation-meta.xml': 'CustomFieldTranslation',
    '.translation-meta.xml': 'Translations',
    '.labels-meta.xml': 'CustomLabels',
    '.js-meta.xml': 'LightningComponentBundle',
    '.cmp-meta.xml': 'AuraDefinitionBundle',
    '.flow-meta.xml': 'Flow',
    '.quickAction-meta.xml': 'QuickAction',
    '.flexipage-meta.xml': 'FlexiPage',
    '.reportType-meta.xml': 'ReportType',
    '.report-meta.xml': 'Report',
    '.dashboard-meta.xml': 'Dashboard',
    '.reportFolder-meta.xml': 'ReportFolder',
    '.dashboardFolder-meta.xml': 'DashboardFolder',
    '.globalValueSet-meta.xml': 'GlobalValueSet',
    '.resource-meta.xml': 'StaticResource'
};

/** The metadata type of a source file by its longest matching suffix, or undefined when unknown. */
export function metadataTypeOf(file: string): string | undefined {
    const name = path.basename(file);
    const suffix = Object.keys(SUFFIX_TO_TYPE)
        .filter((s) => name.endsWith(s))
        .sort((a, b) => b.length - a.length)[0];
    return suffix ? SUFFIX_TO_TYPE[suffix] : undefined;
}
