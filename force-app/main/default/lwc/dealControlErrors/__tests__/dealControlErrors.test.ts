import { explainError, fieldMessagesOf } from 'c/dealControlErrors';
import saveFieldErrors from '../../dealControlData/__tests__/data/saveFieldErrors.json';
import networkError from '../../dealControlData/__tests__/data/networkError.json';
import graphqlErrors from '../../dealControlData/__tests__/data/graphqlErrors.json';

describe('explainError: what a rep reads when something fails', () => {
    it('gives a plain sentence with what to do, in either language, and keeps the platform text apart', () => {
        const en = explainError(graphqlErrors, 'en');
        expect(en.advice).toBe(
            'Deal Control is not fully set up for you: a field or object is missing or hidden. Ask your Salesforce admin to check the installation and your permission set.'
        );
        expect(en.advice).not.toContain('FieldUndefined');
        expect(en.details[0]).toContain('Validation error of type FieldUndefined');
        expect(explainError(graphqlErrors, 'zh').advice).toBe(
            '控单管理尚未为你完整配置：有字段或对象缺失或不可见。请联系 Salesforce 管理员检查安装情况和你的权限集。'
        );
        expect(explainError(networkError, 'zh').advice).toBe(
            '无法连接 Salesforce。请检查网络连接，然后重试。'
        );
    });

    it('passes on the messages admins wrote for users (validation rules) as they are', () => {
        expect(explainError(saveFieldErrors, 'en').userMessages).toEqual([
            'A mentor must have a next action with a due date.'
        ]);
    });
});

describe('fieldMessagesOf', () => {
    it("keeps a validation rule's message and turns the platform's picklist text into a plain sentence", () => {
        expect(fieldMessagesOf(saveFieldErrors, 'en')).toEqual({
            Attitude_To_Us__c: 'This value is not allowed here. Choose one of the listed values.',
            Next_Action_Due__c: 'The due date cannot be in the past.'
        });
        expect(fieldMessagesOf(saveFieldErrors, 'zh').Attitude_To_Us__c).toBe(
            '此处不允许该值。请从列出的选项中选择。'
        );
    });

    it('says something plain for codes it has no sentence for', () => {
        const error = {
            status: 400,
            body: {
                output: {
                    errors: [],
                    fieldErrors: { Name: [{ errorCode: 'WEIRD_CODE', field: 'Name', message: 'raw' }] }
                }
            }
        };
        expect(fieldMessagesOf(error, 'en')).toEqual({
            Name: 'Salesforce did not accept this value. Change it and save again.'
        });
    });
});
