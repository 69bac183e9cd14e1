import type { Locator, Page } from '@playwright/test';

import { E2E_MODERATOR_PASSWORD } from '../support/server';

type Status = 'held' | 'approved' | 'spam' | 'trash';
type Action = 'approve' | 'hold' | 'spam' | 'trash' | 'restore';

const BULK_LABELS: Record<Action, string> = {
  approve: 'Approve',
  hold: 'Hold',
  spam: 'Mark as spam',
  trash: 'Move to trash',
  restore: 'Restore previous state',
};

const BUTTON_LABELS: Record<Action, string> = {
  approve: 'Approve',
  hold: 'Hold',
  spam: 'Spam',
  trash: 'Trash',
  restore: 'Restore',
};

// The moderation queue as a moderator uses it, found by role and label.
export class ModerationPage {
  readonly password: Locator;
  readonly signInButton: Locator;
  readonly signOutButton: Locator;
  readonly queue: Locator;
  readonly notice: Locator;

  constructor(readonly page: Page) {
    this.password = page.getByLabel('Password');
    this.signInButton = page.getByRole('button', { name: 'Sign in' });
    this.signOutButton = page.getByRole('button', { name: 'Sign out' });
    this.queue = page.getByRole('form', { name: 'Comments' });
    this.notice = page.locator('main [role="status"], main [role="alert"]').first();
  }

  async goto(status: Status = 'held', extra = ''): Promise<void> {
    await this.page.goto(`/moderation${status === 'held' ? '' : `?status=${status}`}${extra}`);
  }

  async signIn(options: { password?: string; name?: string } = {}): Promise<void> {
    await this.page.goto('/moderation');
    await this.password.fill(options.password ?? E2E_MODERATOR_PASSWORD);
    if (options.name) await this.page.getByLabel(/Your name/).fill(options.name);
    await this.submitWith(this.signInButton);
  }

  tab(status: Status): Locator {
    const label = { held: 'Held', approved: 'Approved', spam: 'Spam', trash: 'Trash' }[status];
    return this.page.getByRole('navigation', { name: 'Comment states' }).getByRole('link', { name: new RegExp(`^${label} \\(\\d+\\)$`) });
  }

  comment(id: number): Locator {
    return this.page.locator(`article[aria-labelledby="comment-${id}-name"]`);
  }

  /** Clicks a button that posts a moderation form and waits until the server has answered. */
  async submitWith(button: Locator): Promise<void> {
    const answered = this.page.waitForResponse(
      (response) => response.request().method() === 'POST' && new URL(response.url()).pathname.startsWith('/moderation'),
    );
    await button.click();
    await answered;
    await this.page.waitForLoadState();
  }

  async act(id: number, action: Action): Promise<void> {
    await this.submitWith(this.page.getByRole('button', { name: `${BUTTON_LABELS[action]} comment #${id}`, exact: true }).first());
  }

  async bulk(ids: number[], action: Action): Promise<void> {
    for (const id of ids) await this.page.getByLabel(`Select comment #${id}`, { exact: true }).check();
    await this.page.getByLabel('With the selected comments').selectOption({ label: BULK_LABELS[action] });
    await this.submitWith(this.page.getByRole('button', { name: 'Apply to selected' }));
  }

  /** Comment ids listed on the current page, in order. */
  async listedIds(): Promise<number[]> {
    const values = await this.page
      .locator('input[name="ids"]')
      .evaluateAll((inputs) => inputs.map((input) => (input as HTMLInputElement).value));
    return values.map(Number);
  }
}
