import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import prettier from 'eslint-config-prettier';

export default tseslint.config(
  { ignores: ['dist/**', 'target/**', 'node_modules/**', 'src/api/schema.d.ts'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  prettier,
  {
    rules: {
      // User text must always be rendered as text nodes.
      'no-restricted-syntax': [
        'error',
        { selector: 'JSXAttribute[name.name=/^dangerously/]', message: 'Render user text as text.' },
        {
          selector: 'MemberExpression[property.name=/^(inner|outer)HTML$/]',
          message: 'Render user text as text.',
        },
        {
          selector: "CallExpression[callee.property.name='insertAdjacentHTML']",
          message: 'Render user text as text.',
        },
      ],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['e2e/**/*.mjs', 'bench/**/*.mjs'],
    languageOptions: {
      globals: {
        process: 'readonly',
        console: 'readonly',
        URL: 'readonly',
        fetch: 'readonly',
        Buffer: 'readonly',
        crypto: 'readonly',
        localStorage: 'readonly',
        document: 'readonly',
        window: 'readonly',
        navigator: 'readonly',
        caches: 'readonly',
        setTimeout: 'readonly',
        performance: 'readonly',
        MutationObserver: 'readonly',
        location: 'readonly',
        getComputedStyle: 'readonly',
        NodeFilter: 'readonly',
      },
    },
  },
  {
    files: ['src/sw/**/*.js', 'scripts/**/*.mjs'],
    languageOptions: {
      globals: {
        self: 'readonly',
        caches: 'readonly',
        location: 'readonly',
        getComputedStyle: 'readonly',
        NodeFilter: 'readonly',
        Request: 'readonly',
        Response: 'readonly',
        URL: 'readonly',
        fetch: 'readonly',
        process: 'readonly',
        Buffer: 'readonly',
        __PRECACHE__: 'readonly',
        window: 'readonly',
      },
    },
  },
);
