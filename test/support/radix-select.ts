import type { Page } from 'playwright-core';

/**
 * Picks an option of a Radix Select (the kit's Select): opens it by its trigger's test id and
 * clicks the option by its accessible name. Radix renders no native <select>, so Playwright's
 * selectOption does not apply.
 */
export async function chooseOption(page: Page, testId: string, name: string | RegExp) {
  await page.getByTestId(testId).click();
  await page.getByRole('option', { name }).click();
  await page.getByRole('listbox').waitFor({ state: 'detached' });
}

/** The value a kit Select holds (its trigger carries it as `data-value`). */
export function selectedValue(page: Page, testId: string): Promise<string | null> {
  return page.getByTestId(testId).getAttribute('data-value');
}
