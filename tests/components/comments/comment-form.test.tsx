import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';

import { CommentForm } from '@/components/comments/comment-form';
import { commentFormWords, type CommentFormAction, type CommentFormState } from '@/lib/comments/form';
import { messagesFor } from '@/lib/i18n';

const LIMITS = { comment: 65_525, name: 245, email: 100, website: 200 };
const ENGLISH = commentFormWords(messagesFor('en', 'en').commentForm);

function renderForm(action: CommentFormAction, props: Partial<Parameters<typeof CommentForm>[0]> = {}) {
  const view = render(
    <CommentForm action={action} articleSlug="border-talks-resume" token="v1.token" limits={LIMITS} text={ENGLISH} lang="en" {...props} />,
  );
  return { ...view, form: view.container.querySelector('form')! };
}

function answer(state: CommentFormState) {
  return vi.fn<CommentFormAction>(async () => state);
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('CommentForm', () => {
  it('has the heading, the notice, labelled fields with required markers and the button', () => {
    const { form } = renderForm(answer({ status: 'idle' }));
    expect(screen.getByRole('heading', { level: 2, name: 'Leave a Reply' })).toHaveAttribute('id', 'leave-a-reply');
    expect(screen.getByText('Your email address will not be published. Required fields are marked *')).toBeInTheDocument();

    const comment = screen.getByRole('textbox', { name: 'Comment' });
    expect(comment.tagName).toBe('TEXTAREA');
    expect(comment).toHaveAttribute('name', 'comment');
    expect(comment).toBeRequired();
    expect(screen.getByRole('textbox', { name: 'Name' })).toHaveAttribute('name', 'name');
    expect(screen.getByRole('textbox', { name: 'Email' })).toHaveAttribute('type', 'email');
    const website = screen.getByRole('textbox', { name: 'Website' });
    expect(website).toHaveAttribute('type', 'url');
    expect(website).not.toBeRequired();
    for (const label of ['Comment', 'Name', 'Email'])
      expect(screen.getByText(label, { selector: 'label' })).toHaveTextContent(`${label} *`);
    expect(screen.getByText('Website', { selector: 'label' })).not.toHaveTextContent('*');

    expect(screen.getByRole('button', { name: 'Post Comment' })).toHaveAttribute('type', 'submit');
    // Server messages must show: the browser's own validation never blocks the form.
    expect(form).toHaveAttribute('novalidate');
    expect(form.querySelector('input[name="token"]')).toHaveValue('v1.token');
    expect(form.querySelector('input[name="articleSlug"]')).toHaveValue('border-talks-resume');
    expect(form.querySelector('input[name="parentId"]')).toBeNull();
  });

  it('hides the honeypot from people, the keyboard and screen readers', () => {
    const { form } = renderForm(answer({ status: 'idle' }));
    const trap = form.querySelector<HTMLInputElement>('input[name="company"]')!;
    expect(trap).toHaveAttribute('tabindex', '-1');
    expect(trap).toHaveAttribute('autocomplete', 'off');
    expect(trap.closest('[aria-hidden="true"]')).not.toBeNull();
    expect(screen.queryByRole('textbox', { name: /company/i })).toBeNull();
  });

  it('in reply mode says whom it answers, sends parentId and offers Cancel', () => {
    const { form } = renderForm(answer({ status: 'idle' }), { replyTo: { id: 42, name: 'زهره' }, cancelHref: '/articles/a#comments' });
    const heading = screen.getByRole('heading', { level: 2, name: 'Reply to زهره' });
    expect(heading.querySelector('bdi')).toHaveTextContent('زهره');
    expect(screen.getByRole('link', { name: 'Cancel reply' })).toHaveAttribute('href', '/articles/a#comments');
    expect(form.querySelector('input[name="parentId"]')).toHaveValue('42');
  });

  it('shows errors beside their fields, keeps the text and focuses the first error', async () => {
    const action = answer({
      status: 'invalid',
      message: 'Your comment was not posted. Please correct the fields marked below.',
      fieldErrors: { name: 'Please enter your name.', email: 'Please enter a valid email address, like name@example.com.' },
      values: { comment: 'My kept text', name: '', email: 'not-an-email', website: '' },
    });
    renderForm(action);
    const user = userEvent.setup();
    await user.type(screen.getByRole('textbox', { name: 'Comment' }), 'My kept text');
    await user.click(screen.getByRole('button', { name: 'Post Comment' }));

    const alert = await screen.findByRole('alert');
    await waitFor(() => expect(alert).toHaveTextContent('Please correct the fields marked below.'));
    const name = screen.getByRole('textbox', { name: 'Name' });
    const email = screen.getByRole('textbox', { name: 'Email' });
    expect(name).toHaveAttribute('aria-invalid', 'true');
    expect(name).toHaveAccessibleDescription('Please enter your name.');
    expect(email).toHaveAttribute('aria-invalid', 'true');
    expect(document.getElementById(email.getAttribute('aria-describedby')!)).toHaveTextContent('Please enter a valid email address');
    expect(screen.getByRole('textbox', { name: 'Comment' })).not.toHaveAttribute('aria-invalid');
    expect(screen.getByRole('textbox', { name: 'Comment' })).toHaveValue('My kept text');
    expect(email).toHaveValue('not-an-email');
    await waitFor(() => expect(name).toHaveFocus());

    const sent = action.mock.calls[0]![1];
    expect(sent.get('comment')).toBe('My kept text');
    expect(sent.get('token')).toBe('v1.token');
  });

  it('announces success and clears the form', async () => {
    renderForm(
      answer({
        status: 'success',
        message: 'Your comment is awaiting moderation.',
        values: { comment: '', name: '', email: '', website: '' },
      }),
    );
    const user = userEvent.setup();
    await user.type(screen.getByRole('textbox', { name: 'Comment' }), 'Hello');
    await user.type(screen.getByRole('textbox', { name: 'Name' }), 'Amina');
    await user.click(screen.getByRole('button', { name: 'Post Comment' }));

    const alert = screen.getByRole('alert');
    await waitFor(() => expect(alert).toHaveTextContent('Your comment is awaiting moderation.'));
    expect(screen.getByRole('textbox', { name: 'Comment' })).toHaveValue('');
    expect(screen.getByRole('textbox', { name: 'Name' })).toHaveValue('');
    await waitFor(() => expect(alert).toHaveFocus());
  });

  it('keeps the text and shows the message when the store is unavailable', async () => {
    const message = 'We could not save your comment just now. It is kept below: please try again in a moment.';
    renderForm(answer({ status: 'unavailable', message, values: { comment: 'Keep me', name: 'A', email: 'a@example.com', website: '' } }));
    const user = userEvent.setup();
    await user.type(screen.getByRole('textbox', { name: 'Comment' }), 'Keep me');
    await user.click(screen.getByRole('button', { name: 'Post Comment' }));
    await waitFor(() => expect(screen.getByRole('alert')).toHaveTextContent(message));
    expect(screen.getByRole('textbox', { name: 'Comment' })).toHaveValue('Keep me');
  });

  it('uses a fresh token handed back with a refusal', async () => {
    const { form } = renderForm(
      answer({
        status: 'invalid',
        message: 'This form has expired.',
        token: 'v1.fresh',
        values: { comment: 'x', name: '', email: '', website: '' },
      }),
    );
    await userEvent.setup().click(screen.getByRole('button', { name: 'Post Comment' }));
    await waitFor(() => expect(form.querySelector('input[name="token"]')).toHaveValue('v1.fresh'));
  });

  it('fetches a fresh token once, when the reader starts writing', async () => {
    const fetchMock = vi.fn(
      async () => new Response(JSON.stringify({ token: 'v1.focused' }), { headers: { 'content-type': 'application/json' } }),
    );
    vi.stubGlobal('fetch', fetchMock);
    const { form } = renderForm(answer({ status: 'idle' }), { tokenUrl: '/api/comments/token?article=border-talks-resume' });
    const user = userEvent.setup();
    await user.click(screen.getByRole('textbox', { name: 'Comment' }));
    await user.click(screen.getByRole('textbox', { name: 'Name' }));
    await waitFor(() => expect(form.querySelector('input[name="token"]')).toHaveValue('v1.focused'));
    expect(fetchMock).toHaveBeenCalledTimes(1);
    expect(fetchMock.mock.calls[0]).toEqual([
      '/api/comments/token?article=border-talks-resume',
      expect.objectContaining({ cache: 'no-store' }),
    ]);
  });

  it('does not send a comment far past the limit, and says so beside the field', async () => {
    const action = answer({ status: 'success' });
    renderForm(action, { limits: { ...LIMITS, comment: 10 } });
    const user = userEvent.setup();
    const comment = screen.getByRole('textbox', { name: 'Comment' });
    await user.click(comment);
    await user.paste('ثبت '.repeat(5));
    await user.click(screen.getByRole('button', { name: 'Post Comment' }));
    expect(action).not.toHaveBeenCalled();
    expect(comment).toHaveAttribute('aria-invalid', 'true');
    expect(comment).toHaveAccessibleDescription('Your comment can be at most 10 characters (you have 19).');
    expect(comment).toHaveFocus();
    expect(comment).toHaveValue('ثبت '.repeat(5));
    expect(within(screen.getByRole('alert')).getByText(/Please correct the fields/)).toBeInTheDocument();
  });
});

describe('CommentForm in a Dari article', () => {
  const DARI = commentFormWords(messagesFor('fa-AF', 'en').commentForm);

  it('is right to left, with Dari heading, notice, labels and button', () => {
    const { container } = renderForm(answer({ status: 'idle' }), { text: DARI, lang: 'fa-AF', dir: 'rtl' });
    const heading = screen.getByRole('heading', { level: 2, name: 'دیدگاه خود را بنویسید' });
    expect(heading.closest('[dir]')).toHaveAttribute('dir', 'rtl');
    expect(container.firstElementChild).toHaveAttribute('dir', 'rtl');
    expect(screen.getByText('آدرس ایمیل شما نشر نمی‌شود. بخش‌های ضروری با * نشانی شده‌اند.')).toBeInTheDocument();
    expect(screen.getByRole('textbox', { name: 'دیدگاه' })).toHaveAttribute('name', 'comment');
    expect(screen.getByRole('textbox', { name: 'نام' })).toHaveAttribute('name', 'name');
    expect(screen.getByRole('textbox', { name: 'ایمیل' })).toHaveAttribute('type', 'email');
    expect(screen.getByRole('textbox', { name: 'وب‌سایت' })).toHaveAttribute('type', 'url');
    expect(screen.getByRole('button', { name: 'فرستادن دیدگاه' })).toHaveAttribute('type', 'submit');
    expect(screen.queryByText('Leave a Reply')).toBeNull();
  });

  it('says in Dari, with Persian digits, that a comment is too long, without sending it', async () => {
    const action = answer({ status: 'idle' });
    renderForm(action, { text: DARI, lang: 'fa-AF', dir: 'rtl', limits: { ...LIMITS, name: 5 } });
    const user = userEvent.setup();
    await user.type(screen.getByRole('textbox', { name: 'نام' }), 'زهرهٔ کابلی');
    await user.click(screen.getByRole('button', { name: 'فرستادن دیدگاه' }));
    expect(await screen.findByText('نام شما حداکثر می‌تواند ۵ نویسه باشد (شما ۱۱ نویسه نوشته‌اید).')).toBeInTheDocument();
    expect(screen.getByRole('alert')).toHaveTextContent('دیدگاه شما فرستاده نشد.');
    expect(action).not.toHaveBeenCalled();
  });
});
