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

/**
 * The same for a long list (every priced model): Radix keeps far items outside its scrolled
 * viewport, where a click cannot reach them, so the option is found the way a person with a
 * keyboard finds it: typing its name moves the focus there (Radix's typeahead), Enter picks it.
 */
export async function chooseOptionByTyping(page: Page, testId: string, name: string) {
  await page.getByTestId(testId).click();
  await page.getByRole('listbox').waitFor();
  await page.keyboard.type(name);
  await page.getByRole('option', { name, exact: true }).and(page.locator(':focus')).waitFor();
  await page.keyboard.press('Enter');
  await page.getByRole('listbox').waitFor({ state: 'detached' });
}

/** The value a kit Select holds (its trigger carries it as `data-value`). */
export function selectedValue(page: Page, testId: string): Promise<string | null> {
  return page.getByTestId(testId).getAttribute('data-value');
}
