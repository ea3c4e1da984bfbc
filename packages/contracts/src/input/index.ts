export * from './field-errors';
export * from './unstorable-text';
