import type { Page } from 'playwright-core';

/**
 * Sets a playground column's provider and model through its pickers (Radix Selects: the
 * trigger opens a list of options). A model the list lacks is typed after "Other model id…".
 */
export async function pickColumn(
  page: Page,
  index: number,
  provider: string,
  model: string,
): Promise<void> {
  const providerTrigger = page.getByTestId(`column-provider-${index}`);
  if ((await providerTrigger.getAttribute('data-provider')) !== provider) {
    await providerTrigger.click();
    await page.getByTestId(`column-provider-option-${provider}`).click();
  }
  await page.getByTestId(`column-model-${index}`).click();
  // The list is open once its last item is there.
  await page.getByTestId(`column-model-other-${index}`).waitFor();
  const option = page.getByTestId(`column-model-option-${model}`);
  if ((await option.count()) > 0) {
    await option.click();
  } else {
    await page.getByTestId(`column-model-other-${index}`).click();
    await page.getByTestId(`column-model-input-${index}`).fill(model);
  }
}
