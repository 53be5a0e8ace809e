import js from '@eslint/js';
import ts from 'typescript-eslint';
import svelte from 'eslint-plugin-svelte';
import prettier from 'eslint-config-prettier';
import globals from 'globals';

/** Our own top-level folders outside src/core, as a relative import names them. */
const OUTSIDE_CORE = ['ui', 'map', 'state', 'worker', 'i18n']
  .flatMap((d) => [`**/${d}`, `**/${d}/**`])
  .concat(['**/App.svelte', '**/main']);
/** Globals that exist only in a browser page or worker. */
const BROWSER_GLOBALS = [
  'window',
  'document',
  'navigator',
  'location',
  'history',
  'localStorage',
  'sessionStorage',
  'indexedDB',
  'matchMedia',
  'requestAnimationFrame',
  'self',
  'fetch',
  'postMessage',
  'alert',
];

/** The page's elements and their measuring: components' business, not state's. */
const PAGE_GLOBALS = [
  'document',
  'getComputedStyle',
  'ResizeObserver',
  'IntersectionObserver',
  'MutationObserver',
  'Element',
  'HTMLElement',
];

export default ts.config(
  js.configs.recommended,
  ...ts.configs.recommended,
  ...svelte.configs.recommended,
  prettier,
  ...svelte.configs.prettier,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      'no-warning-comments': ['error', { terms: ['todo', 'fixme', 'xxx'] }],
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['**/*.svelte', '**/*.svelte.ts'],
    languageOptions: { parserOptions: { parser: ts.parser, extraFileExtensions: ['.svelte'] } },
  },
  // Folder directions (docs/architecture.md): core <- worker, core <- map, core/worker/map <- state
  // <- ui. Each block names what a folder may not import; tests/unit/app/lint-directions.test.ts
  // proves that every one of them fails lint.
  {
    // The core is pure computation, tested in Node: no DOM, no map, no UI framework, nothing of ours
    // outside core. Its own tsconfig (src/core/tsconfig.json) has no DOM lib either.
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['maplibre-gl', 'svelte', 'svelte/*'],
              message: 'src/core must stay free of UI and map code.',
            },
            { group: OUTSIDE_CORE, message: 'src/core imports nothing of ours outside src/core.' },
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        ...BROWSER_GLOBALS.map((name) => ({
          name,
          message: 'src/core runs in Node too: pass what it needs in as an argument.',
        })),
      ],
    },
  },
  {
    // Workers run the core off the main thread and route messages: nothing else of ours.
    files: ['src/worker/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['maplibre-gl', 'svelte', 'svelte/*'],
              message: 'src/worker runs without the page: no map, no UI framework.',
            },
            {
              group: [
                '**/state',
                '**/state/**',
                '**/ui',
                '**/ui/**',
                '**/map',
                '**/map/**',
                '**/i18n',
                '**/i18n/**',
              ],
              message: 'src/worker imports only src/core (state stores what a worker returns).',
            },
          ],
        },
      ],
    },
  },
  {
    // Map bindings own every MapLibre call; they get state as arguments and call back with events.
    files: ['src/map/**/*.ts', 'src/map/**/*.svelte'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['svelte', 'svelte/*'],
              message: 'src/map is plain MapLibre code: a component in src/ui wires it to state.',
            },
            {
              group: [
                '**/state',
                '**/state/**',
                '**/ui',
                '**/ui/**',
                '**/worker',
                '**/worker/**',
                '**/i18n',
                '**/i18n/**',
              ],
              message: 'src/map imports only src/core and src/map.',
            },
          ],
        },
      ],
    },
  },
  {
    // State decides; it never reaches up into components nor into the map (no MapLibre, no DOM).
    // The page's URL (location, history) and storage are its own; the page's elements are not.
    files: ['src/state/**/*.ts'],
    rules: {
      'no-restricted-globals': [
        'error',
        ...PAGE_GLOBALS.map((name) => ({
          name,
          message:
            'src/state does not query or measure the page: a component in src/ui passes it what it needs.',
        })),
      ],
      'no-restricted-imports': 'off',
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: 'maplibre-gl',
              allowTypeImports: true,
              message: 'src/state holds no MapLibre calls: put them in src/map.',
            },
          ],
          patterns: [
            {
              group: ['**/ui', '**/ui/**', '**/App.svelte'],
              caseSensitive: true,
              message: 'src/state never imports src/ui.',
            },
            {
              // The layer groups are plain data (ids, legend rows); every other map module calls MapLibre.
              group: ['**/map/*', '!**/map/layer-groups', '!**/map/coverage-groups'],
              message: 'src/state never calls the map: a component in src/ui binds state to src/map.',
            },
          ],
        },
      ],
    },
  },
  { ignores: ['dist/', 'node_modules/', 'public/', 'test-results/', 'geodata/'] },
);
