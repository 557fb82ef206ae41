import js from '@eslint/js';
import boundaries from 'eslint-plugin-boundaries';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['node_modules', 'dist', 'data', 'test-results', 'coverage'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-console': ['error', { allow: ['warn', 'error'] }],
    },
  },
  {
    // Walls between modules (STYLE.md): a module is entered only through its index.ts, and the
    // platform knows no module. Lint fails the build on a deep import.
    files: ['src/**/*.ts', 'bench/**/*.ts', 'e2e/**/*.ts', 'scripts/**/*.ts', 'web/src/**/*.{ts,tsx}'],
    plugins: { boundaries },
    settings: {
      'import/resolver': { node: { extensions: ['.ts', '.tsx', '.js'] } },
      'boundaries/elements': [
        { type: 'module', pattern: 'src/modules/*', capture: ['name'], partialMatch: false },
        { type: 'platform', pattern: 'src/platform/*', capture: ['name'], partialMatch: false },
        // Everything else that may use modules, through their index.ts only.
        { type: 'shared', pattern: 'src/shared', partialMatch: false },
        { type: 'composition-root', pattern: 'src/app', partialMatch: false },
        { type: 'test-support', pattern: 'src/test', partialMatch: false },
        { type: 'seeds', pattern: 'src/seeds', partialMatch: false },
        { type: 'tooling', pattern: '{bench,e2e,scripts}', partialMatch: false },
        // The web app's features mirror the server's modules, walls included.
        { type: 'web-feature', pattern: 'web/src/features/*', capture: ['name'], partialMatch: false },
        { type: 'web', pattern: 'web/src', partialMatch: false },
      ],
    },
    rules: {
      'boundaries/dependencies': [
        2,
        {
          default: 'allow',
          policies: [
            {
              disallow: { to: { element: { type: ['module', 'web-feature'] } } },
              message: "enter another module (or web feature) through its index.ts, never its files (STYLE.md, 'Walls between modules')",
            },
            // Later policies win: a module's own files, and any module's index.ts, are open.
            { allow: { dependency: { relationship: { to: 'internal' } } } },
            { allow: { to: { element: { type: ['module', 'web-feature'], fileInternalPath: 'index.ts' } } } },
            {
              from: { element: { type: 'module', captured: { name: ['calendars', 'warranty'] } } },
              disallow: [{ to: { element: { type: 'platform', captured: { name: ['db', 'clock', 'jobs', 'files'] } } } }, { to: { element: { type: 'composition-root' } } }],
              message: 'a pure engine (calendars, warranty) takes facts and returns a decision: no database, clock, jobs or files',
            },
            {
              from: { element: { type: 'shared' } },
              disallow: { to: { element: { type: ['module', 'platform', 'composition-root'] } } },
              message: 'src/shared holds words only: it imports nothing of the application',
            },
            {
              from: { element: { type: ['web', 'web-feature'] } },
              disallow: { to: { element: { type: ['module', 'platform', 'composition-root', 'test-support', 'seeds'] } } },
              message: 'the web app shares only src/shared with the server; its API types come from web/src/api/schema.d.ts',
            },
            {
              from: { element: { type: 'platform' } },
              disallow: { to: { element: { type: 'module' } } },
              message: 'platform/ knows no module: wire it at the composition root (src/app/)',
            },
          ],
        },
      ],
    },
  },
  { files: ['scripts/**', 'bench/**', 'src/main.ts', 'src/cli.ts', 'src/seeds/**'], rules: { 'no-console': 'off' } },
);
