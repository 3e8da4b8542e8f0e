import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

const forbiddenInCore = [
  { group: ['node:*', 'fs', 'path', 'os', 'child_process', 'net', 'http', 'crypto'], message: 'The pure core cannot use Node.' },
  { group: ['electron', 'electron/*'], message: 'The pure core cannot import electron.' },
  { group: ['serialport', '@serialport/*'], message: 'The pure core cannot import serialport.' },
  { group: ['johnny-five', 'firmata-io'], message: 'The pure core cannot import johnny-five.' },
  { group: ['blockly', 'blockly/*'], message: 'The pure core cannot import blockly.' },
  { group: ['../host/*', '../renderer/*', '../electron/*', '../cli/*', '../../host/*', '../../renderer/*', '../../electron/*', '../../cli/*'], message: 'The core does not depend on outer layers.' },
];

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', '.cache/', 'test-results/', 'out/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['app/core/**/*.ts'],
    languageOptions: { globals: {} },
    rules: { 'no-restricted-imports': ['error', { patterns: forbiddenInCore }] },
  },
  {
    files: ['app/renderer/**/*.ts'],
    languageOptions: { globals: { ...globals.browser } },
  },
);
