import { test as base, expect } from '@playwright/test';
import { Kumozu } from './kumozu';

/**
 * `k`: a Kumozu page object on a fresh page. Every test also fails on any
 * console error or uncaught exception (a CSP violation shows up here too).
 */
export const test = base.extend<{ k: Kumozu }>({
  k: async ({ page }, use) => {
    const problems: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error') problems.push(`console: ${m.text()}`);
    });
    page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
    await use(new Kumozu(page));
    expect(problems, 'the page logged errors').toEqual([]);
  },
});

export { expect };
