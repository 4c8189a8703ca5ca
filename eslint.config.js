// Lint for the whole repo, run by `npm run lint` inside `npm test`: typescript-eslint with type information (floating
// promises, unsafe any), React's hook rules, and import rules that keep the layers apart (docs/architecture.md).
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const TFJS = {
  group: ['@tensorflow/*'],
  message: 'The page never imports TF.js: ask the worker (src/worker/client.ts).',
};
const CORE_FROM_UI = {
  group: ['**/core/*', '**/core/**', '**/data/*'],
  message: 'The page never imports the core or the data loader (they hold TF.js): ask the worker.',
};
const REACT = {
  group: ['react', 'react-dom', 'react-dom/*', 'react-chartjs-2', 'chart.js', 'chart.js/*', '**/ui/*', '**/ui/**'],
  message: 'core, data and shared run in the worker and in Node: no React, no charts, no UI.',
};

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'test-results/', 'playwright-report/', 'bench/results/'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        project: ['./tsconfig.app.json', './tsconfig.worker.json', './tsconfig.node.json'],
        tsconfigRootDir: import.meta.dirname,
      },
      globals: { ...globals.browser, ...globals.worker, ...globals.node },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { attributes: false } }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // `async` is how a function whose checks throw hands its caller a rejected promise, and how a fake implements
      // an async interface; an await is not owed.
      '@typescript-eslint/require-await': 'off',
    },
  },
  {
    files: ['src/ui/**/*.{ts,tsx}', 'src/main.tsx'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
      'no-restricted-imports': ['error', { patterns: [TFJS, CORE_FROM_UI] }],
    },
  },
  {
    files: ['src/core/**/*.ts', 'src/data/**/*.ts', 'src/shared/**/*.ts', 'src/digit/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [REACT] }] },
  },
  {
    // TF.js ops are generic over the tensor they return; `op(...) as tf.Tensor2D` names the rank where it is read,
    // which the rule would have written as a type argument instead.
    files: ['src/core/**/*.ts', 'bench/**/*.ts'],
    rules: { '@typescript-eslint/no-unnecessary-type-assertion': 'off' },
  },
  {
    files: ['**/*.js', '**/*.mjs'],
    extends: [tseslint.configs.disableTypeChecked],
  },
);
