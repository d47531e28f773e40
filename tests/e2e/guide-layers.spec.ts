import type { Page } from '@playwright/test';
import { expect, startRenewal, test } from './extension';
import { cardText, highlighted } from './walk';
import { stepLineOf } from '../harness/renewal-walks';

/*
 * Issue 14, class 7: Aruba's own layers. After sign-in the new WebMail opens notices in modal
 * layers over a backdrop (an Angular CDK overlay container at the end of the body). A target under
 * one cannot be clicked: the card says to close the notice first, by its title, and the guide goes
 * on by itself once it is gone. The page's buttons are never ours: its «Non ora» does not end the guide.
 */

interface Notice {
  title: string | null;
  buttons: string[];
  /** A dialog role on the pane; without it the layer is known by its fixed position alone. */
  dialog: boolean;
}

/** Opens a notice the way the app does: an overlay container, a backdrop, a centred pane. */
function openNotice(page: Page, notice: Notice): Promise<void> {
  return page.evaluate(({ title, buttons, dialog }) => {
    const container = document.createElement('div');
    container.className = 'cdk-overlay-container';
    container.style.cssText = 'position:fixed;inset:0;z-index:1000;pointer-events:none';
    const backdrop = document.createElement('div');
    backdrop.style.cssText = 'position:absolute;inset:0;background:rgba(0,0,0,.45);pointer-events:auto';
    const pane = document.createElement('div');
    pane.style.cssText =
      'position:absolute;left:50%;top:40%;transform:translate(-50%,-50%);background:#fff;padding:24px;border-radius:8px;pointer-events:auto;width:420px';
    if (dialog) {
      pane.setAttribute('role', 'dialog');
      pane.setAttribute('aria-modal', 'true');
    }
    if (title) {
      const heading = document.createElement('h2');
      heading.textContent = title;
      pane.append(heading);
    }
    const text = document.createElement('p');
    text.textContent = 'Dal 2024 potrai inviare PEC in tutta Europa.';
    pane.append(text);
    for (const label of buttons) {
      const button = document.createElement('button');
      button.type = 'button';
      button.textContent = label;
      button.addEventListener('click', () => setTimeout(() => container.remove(), 200));
      pane.append(button);
    }
    container.append(backdrop, pane);
    document.body.append(container);
  }, notice);
}

for (const notice of [
  { title: 'Adegua la tua PEC', buttons: ['Ricordarmelo', 'Chiudi'], dialog: true },
  { title: 'Benvenuto nella nuova WebMail', buttons: ['Capito'], dialog: false },
]) {
  test(`a notice «${notice.title}» over the target: the card says to close it, then the guide goes on`, async ({ extension }) => {
    await startRenewal(extension);
    const page = await extension.context.newPage();
    await page.goto('https://webmail.pec.it/');
    await expect(highlighted(page)).toHaveAttribute('data-pec-highlight', 'webmail-settings');

    await openNotice(page, notice);
    await expect(highlighted(page)).toHaveCount(0);
    await expect.poll(() => cardText(page)).toContain(`Prima chiudi l'avviso «${notice.title}»`);

    await page.getByRole('button', { name: notice.buttons.at(-1)! }).click();
    await expect(highlighted(page)).toHaveAttribute('data-pec-highlight', 'webmail-settings');
    await expect.poll(() => cardText(page)).toContain(stepLineOf('webmail-settings'));
  });
}

test('a consent banner with no title is called the window in front; the page’s «Non ora» is not ours', async ({ extension }) => {
  await startRenewal(extension);
  const page = await extension.context.newPage();
  await page.goto('https://webmail.pec.it/');
  await expect(highlighted(page)).toHaveAttribute('data-pec-highlight', 'webmail-settings');

  await openNotice(page, { title: null, buttons: ['Non ora'], dialog: true });
  await expect.poll(() => cardText(page)).toContain('Prima chiudi la finestra in primo piano');
  await page.getByRole('button', { name: 'Non ora' }).click();
  // Aruba's «Non ora» closed Aruba's notice; the guide carries on.
  await expect(highlighted(page)).toHaveAttribute('data-pec-highlight', 'webmail-settings');
  await expect.poll(() => cardText(page)).toContain(stepLineOf('webmail-settings'));
});

test('a notice that does not cover the target leaves the ring where it is', async ({ extension }) => {
  await startRenewal(extension);
  const page = await extension.context.newPage();
  await page.goto('https://webmail.pec.it/');
  await expect(highlighted(page)).toHaveAttribute('data-pec-highlight', 'webmail-settings');
  await page.evaluate(() => {
    const toast = document.createElement('div');
    toast.setAttribute('role', 'status');
    toast.style.cssText = 'position:fixed;left:8px;bottom:8px;background:#333;color:#fff;padding:8px';
    toast.textContent = 'Messaggio inviato';
    document.body.append(toast);
  });
  await page.waitForTimeout(800);
  await expect(highlighted(page)).toHaveAttribute('data-pec-highlight', 'webmail-settings');
});
