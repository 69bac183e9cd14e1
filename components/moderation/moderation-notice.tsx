type ModerationNoticeProps = { tone: 'success' | 'error'; text: string };

export function ModerationNotice({ tone, text }: ModerationNoticeProps) {
  return (
    <p
      role={tone === 'error' ? 'alert' : 'status'}
      className={`border-l-4 bg-surface px-4 py-3 ${tone === 'error' ? 'border-accent' : 'border-ink'}`}
    >
      {text}
    </p>
  );
}
