type LogoutFormProps = {
  action: () => Promise<void>;
  /** Shown as "Signed in as NAME"; null for an unnamed moderator. */
  name: string | null;
};

export function LogoutForm({ action, name }: LogoutFormProps) {
  return (
    <form action={action} className="flex flex-wrap items-center gap-3 text-sm">
      <span className="text-muted">
        Signed in{name ? ' as ' : ''}
        {name ? <bdi className="font-semibold text-ink">{name}</bdi> : null}
      </span>
      <button type="submit" className="min-h-11 border border-ink px-3 font-semibold hover:bg-ink hover:text-paper">
        Sign out
      </button>
    </form>
  );
}
