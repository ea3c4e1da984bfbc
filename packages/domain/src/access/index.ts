export * from './access-types';
export * from './scope-fields';
export * from './access-rules';
export * from './read-scopes';
export * from './access-policy';
export * from './role-fit';
