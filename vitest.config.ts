import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

// The book's own suites run twice: as they are, and with the lock on (every record sealed), which must change
// nothing a caller sees. Left out of the second run: what only a book in the clear does (the search index saved to
// disk, migrations of sample books from before the lock existed, snapshots' raw sizes), and the lock's own tests,
// which set the lock as they need it.
const SEALED = ['tests/unit/db/**/*.test.ts', 'tests/unit/background/**/*.test.ts'];
const CLEAR_ONLY = [
  'tests/unit/background/book-index.test.ts',
  'tests/unit/db/migrations.test.ts',
  'tests/unit/db/snapshots.test.ts',
  'tests/unit/db/sealed.test.ts',
  'tests/unit/background/vault-service.test.ts',
];

export default defineConfig({
  plugins: [WxtVitest()],
  test: {
    reporters: ['default', 'json'],
    outputFile: { json: 'test-results/unit.json' },
    projects: [
      {
        extends: true,
        test: { name: 'unit', include: ['tests/unit/**/*.test.{ts,tsx}'], setupFiles: ['fake-indexeddb/auto'] },
      },
      {
        extends: true,
        test: {
          name: 'sealed',
          include: SEALED,
          exclude: CLEAR_ONLY,
          setupFiles: ['fake-indexeddb/auto', 'tests/support/sealed-book.ts'],
        },
      },
    ],
  },
});
