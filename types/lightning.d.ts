// Ambient types for the platform modules the components use that @salesforce/lightning-types
// does not cover. Wire adapters are typed as WireAdapterConstructor so @wire type-checks.
declare module 'lightning/uiRecordApi' {
    import type { WireAdapterConstructor } from 'lwc';

    export interface FieldValue {
        value: unknown;
        displayValue?: string | null;
    }
    export interface RecordRepresentation {
        id: string;
        apiName: string;
        fields: Record<string, FieldValue>;
        lastModifiedDate?: string;
        systemModstamp?: string;
    }
    export interface RecordInput {
        apiName?: string;
        fields: Record<string, unknown>;
    }
    export interface ClientOptions {
        /** Save fails with a conflict when the record changed on the server after this time. */
        ifUnmodifiedSince?: string;
    }
    export function createRecord(recordInput: RecordInput): Promise<RecordRepresentation>;
    export function updateRecord(
        recordInput: RecordInput,
        clientOptions?: ClientOptions
    ): Promise<RecordRepresentation>;
    export function deleteRecord(recordId: string): Promise<void>;
    export function notifyRecordUpdateAvailable(items: Array<{ recordId: string }>): Promise<void>;
    export function getFieldValue(record: unknown, field: unknown): unknown;
    export const getRecord: WireAdapterConstructor<
        { recordId?: string; fields?: unknown[]; optionalFields?: unknown[] },
        RecordRepresentation
    >;
}

declare module 'lightning/graphql' {
    import type { WireAdapterConstructor } from 'lwc';

    export interface GraphQLResult<T = unknown> {
        data?: T;
        errors?: Array<{ message: string; [key: string]: unknown }>;
        refresh?: () => Promise<void>;
    }
    export type GraphQLDocument = unknown;
    export const graphql: WireAdapterConstructor<
        { query: GraphQLDocument; variables?: Record<string, unknown>; operationName?: string },
        GraphQLResult
    >;
    export function gql(strings: TemplateStringsArray, ...values: unknown[]): GraphQLDocument;
}

declare module 'lightning/platformShowToastEvent' {
    export interface ShowToastEventDetail {
        title?: string;
        message?: string;
        variant?: 'info' | 'success' | 'warning' | 'error';
        mode?: 'dismissible' | 'pester' | 'sticky';
    }
    export class ShowToastEvent extends CustomEvent<ShowToastEventDetail> {
        constructor(detail: ShowToastEventDetail);
    }
}

declare module 'lightning/actions' {
    export class CloseActionScreenEvent extends CustomEvent<unknown> {
        constructor();
    }
}

declare module 'lightning/navigation' {
    export const CurrentPageReference: unknown;
    export const NavigationMixin: {
        <T extends new (...args: never[]) => object>(base: T): T;
        Navigate: symbol;
        GenerateUrl: symbol;
    };
}

declare module '@salesforce/i18n/lang' {
    const lang: string;
    export default lang;
}
declare module '@salesforce/i18n/locale' {
    const locale: string;
    export default locale;
}
declare module '@salesforce/i18n/timeZone' {
    const timeZone: string;
    export default timeZone;
}
declare module '@salesforce/label/*' {
    const label: string;
    export default label;
}
declare module '@salesforce/schema/*' {
    const fieldOrObject: { fieldApiName?: string; objectApiName: string };
    export default fieldOrObject;
}
declare module '@salesforce/user/Id' {
    const userId: string;
    export default userId;
}
