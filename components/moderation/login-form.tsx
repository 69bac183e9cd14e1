type LoginFormProps = {
  action: (form: FormData) => Promise<void>;
  /** Where to go after signing in (a moderation page). */
  returnTo: string;
};

const inputClass = 'min-h-11 w-full border border-rule bg-paper px-3 text-ink';

export function LoginForm({ action, returnTo }: LoginFormProps) {
  return (
    <form action={action} className="flex max-w-sm flex-col gap-4">
      <input type="hidden" name="returnTo" value={returnTo} />
      <p>
        <label htmlFor="moderator-password" className="mb-1 block font-semibold">
          Password
        </label>
        <input id="moderator-password" name="password" type="password" required autoComplete="current-password" className={inputClass} />
      </p>
      <p>
        <label htmlFor="moderator-name" className="mb-1 block font-semibold">
          Your name <span className="font-normal text-muted">(optional, recorded with your changes)</span>
        </label>
        <input id="moderator-name" name="name" type="text" maxLength={60} autoComplete="name" className={inputClass} />
      </p>
      <p>
        <button type="submit" className="min-h-11 bg-ink px-5 font-semibold text-paper hover:bg-accent">
          Sign in
        </button>
      </p>
    </form>
  );
}
