import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const electronImport = {
  paths: [
    {
      name: 'electron',
      message:
        'Only main/index.ts, main/electron/ and preload/ may import electron; the core must run under plain Node.',
    },
  ],
};

export default tseslint.config(
  { ignores: ['node_modules', 'out', 'dist', 'test-artifacts', 'coverage'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      'no-restricted-imports': ['error', electronImport],
    },
  },
  {
    // shared/ is the contract both the renderer and main import: zod only, no Node, no DOM.
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          ...electronImport,
          patterns: [
            {
              group: [
                'node:*',
                'fs',
                'path',
                'os',
                'crypto',
                'child_process',
                'better-sqlite3',
                'react',
                'react-*',
              ],
              message: 'shared/ may import zod only: it runs in the renderer and in main.',
            },
          ],
        },
      ],
    },
  },
  {
    // The core's walls: domains never import the composition root (app/), and reach another
    // domain's data only through its service, never its repository or the database driver.
    files: ['main/**/*.ts'],
    ignores: [
      'main/index.ts',
      'main/app/**',
      'main/cli/**',
      'main/electron/**',
      'main/server/**',
      'main/store/**',
      'main/**/*.test.ts',
    ],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          ...electronImport,
          patterns: [
            {
              group: ['**/app/*'],
              message:
                'Only the shells (cli, electron, server) import the composition root main/app.',
            },
            {
              group: ['better-sqlite3', 'pg'],
              message: 'Repositories use Kysely (main/store); only main/store opens drivers.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['main/index.ts', 'main/electron/**/*.ts', 'preload/**/*.ts'],
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    // electron-builder hooks are loaded with require().
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
    },
  },
);
