import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['{shared,cloud,agent,chatbot,desktop,test}/src/**/*.test.{ts,tsx}', 'cloud/infra/**/*.test.ts'],
    exclude: ['**/node_modules/**', '**/dist/**'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Two cores: more workers only fight over them.
    maxWorkers: 2,
  },
});
