import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import importX from 'eslint-plugin-import-x';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import reactHooks from 'eslint-plugin-react-hooks';

// Layers run one way (see ARCHITECTURE.md): app -> features -> fields -> api -> config, and ui beside them.
// A zone forbids `target` from importing `from`.
const layerZones = [
  { target: './src/config', from: ['./src/api', './src/fields', './src/features', './src/app', './src/ui'] },
  { target: './src/api', from: ['./src/fields', './src/features', './src/app', './src/ui'] },
  { target: './src/fields', from: ['./src/features', './src/app'] },
  { target: './src/ui', from: ['./src/api', './src/fields', './src/features', './src/app', './src/config'] },
  { target: './src/features', from: ['./src/app'] },
  { target: './src', from: ['./emulator', './e2e', './test', './bench'] },
  { target: './emulator', from: ['./src', './e2e', './test', './bench'] },
];

// A feature never imports another feature: compose them in a route instead.
const features = [
  'auth',
  'tickets',
  'notes',
  'templates',
  'ticket-index',
  'ticket-list',
  'ticket-forms',
  'ticket-actions',
  'dashboard',
  'shell',
  'attachments',
  'assignments',
];
const featureZones = features.map((name) => ({
  target: `./src/features/${name}`,
  from: './src/features',
  except: [`./${name}`],
}));

export default tseslint.config(
  {
    ignores: [
      'dist',
      'dist-*',
      'node_modules',
      'playwright-report',
      'test-results',
      '.data',
      'coverage',
      '.cache',
      'postcss.config.cjs',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    files: ['**/*.{js,mjs,cjs}'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly' } },
  },
  {
    plugins: { 'import-x': importX, 'react-hooks': reactHooks },
    settings: {
      'import-x/resolver-next': [
        createTypeScriptImportResolver({ project: ['tsconfig.json', 'tsconfig.node.json'] }),
      ],
    },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-non-null-assertion': 'off',
      'import-x/no-restricted-paths': ['error', { zones: [...layerZones, ...featureZones] }],
      'import-x/no-cycle': ['error', { maxDepth: 10 }],
      'import-x/no-duplicates': 'error',
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'warn',
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: 'zod',
              message:
                "Import * as z from 'zod/mini': the classic API is not tree-shakable (about 40 kB gzip).",
            },
          ],
        },
      ],
      'no-restricted-syntax': [
        'error',
        {
          selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']",
          message: 'Server strings are untrusted: render them as text.',
        },
      ],
    },
  },
);
