// Lint: typescript-eslint's recommended rules, plus the one boundary that keeps core testable in plain Node.
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'out/**', 'node_modules/**', '.vscode-test/**', '*.vsix'] },
  ...tseslint.configs.recommended,
  {
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: [{ name: 'vscode', message: 'src/core is pure TypeScript: adapters in src/editor talk to VS Code.' }],
        patterns: [{ group: ['**/editor/**', '../editor/*'], message: 'src/core must not depend on the editor layer.' }],
      }],
    },
  },
  {
    // Build and test scripts are plain CommonJS run by Node.
    files: ['**/*.js'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
);
