// Lint, including the layer rule of docs/architecture (shared ← core/preload/renderer ← main/cli).
// The tsconfig projects enforce it a first time (the web project has no Node types); this is the second.
import { builtinModules } from 'node:module'
import js from '@eslint/js'
import tseslint from 'typescript-eslint'

const nodeBuiltins = [...builtinModules, ...builtinModules.map((m) => `node:${m}`)]
const layer = (name) => ({ regex: `(^|/)(\\.\\./)*${name}(/|$)`, message: `this layer may not import ${name}` })
const noNode = { paths: nodeBuiltins.map((name) => ({ name, message: 'no Node APIs in this layer' })) }
const restrict = (files, { node = false, electron = false, react = false, layers = [], extraPaths = [] }) => ({
  files,
  rules: {
    'no-restricted-imports': [
      'error',
      {
        paths: [
          ...(node ? noNode.paths : []),
          ...(electron ? [{ name: 'electron', message: 'electron belongs to src/main and src/preload only' }] : []),
          ...(react ? ['react', 'react-dom', 'react-dom/client', 'zustand'].map((name) => ({ name, message: 'UI libraries belong to src/renderer' })) : []),
          ...extraPaths,
        ],
        patterns: layers.map(layer),
      },
    ],
  },
})
const serverLibs = ['better-sqlite3', 'undici', 'fastify', 'pino', 'pino-pretty'].map((name) => ({ name, message: 'server libraries belong to src/core and the hosts' }))

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'test/fixtures/**', 'stub/**', 'bench/results/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  { files: ['**/*.mjs', '**/*.js'], ...tseslint.configs.disableTypeChecked },
  { files: ['scripts/**/*.mjs'], languageOptions: { globals: { console: 'readonly', process: 'readonly' } } },
  { files: ['bin/**/*.js'], languageOptions: { sourceType: 'commonjs', globals: { require: 'readonly', __dirname: 'readonly', process: 'readonly' } }, rules: { '@typescript-eslint/no-require-imports': 'off' } },
  restrict(['src/shared/**'], { node: true, electron: true, react: true, layers: ['core', 'main', 'cli', 'preload', 'renderer'], extraPaths: serverLibs }),
  restrict(['src/core/**'], { electron: true, react: true, layers: ['main', 'cli', 'preload', 'renderer'] }),
  restrict(['src/cli/**'], { electron: true, react: true, layers: ['main', 'preload', 'renderer'] }),
  restrict(['src/main/**'], { react: true, layers: ['cli', 'preload', 'renderer'] }),
  restrict(['src/preload/**'], { react: true, layers: ['core', 'main', 'cli', 'renderer'], extraPaths: serverLibs }),
  restrict(['src/renderer/**'], { node: true, electron: true, layers: ['core', 'main', 'cli', 'preload'], extraPaths: serverLibs }),
)
