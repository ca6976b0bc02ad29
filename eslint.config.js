import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'build/**',
      'node_modules/**',
      'coverage/**',
      'trace-differ-out/**',
      '.trace-differ/**',
      'src/report/html/assets.generated.ts',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: globals.node },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'error',
      'no-console': 'off',
    },
  },
  {
    files: ['src/diff/**', 'src/report/**'],
    rules: {
      // The engine and the report are pure: no I/O may creep in (STYLE.md).
      'no-restricted-imports': [
        'error',
        { patterns: ['@actions/*', 'undici', 'node:fs', 'node:fs/*', 'node:net', 'node:http', 'fs', 'http'] },
      ],
    },
  },
);
